import { createTokenAdmin, SigningKeys } from '../../keymanager/index.js';
import { CliError, withServices } from '../context.js';
export function tokenCommands(program) {
    const token = program.command('token').description('administer issued tokens');
    token
        .command('revoke <token>')
        .description('revoke an access token, or a refresh token together with its whole family')
        .action(async (value, _o, cmd) => {
        const kind = await withServices(cmd, async (s) => {
            const keys = await SigningKeys.load(s.stores.signingKeys, s.config.token.jwtAlgorithm, Date.now());
            return createTokenAdmin({ store: s.stores.tokens, keys, config: s.config.token }).revoke(value);
        });
        if (!kind)
            throw new CliError('No such token (unknown, expired JWT, or not issued by this server).');
        console.log(kind === 'refresh'
            ? 'Revoked the refresh token, its successors and their access tokens.'
            : 'Revoked the access token.');
    });
}
//# sourceMappingURL=token.js.map