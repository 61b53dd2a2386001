/** A refused user operation; its message is written for the user (`expose`), `status` is its HTTP answer. */
export class IdentityError extends Error {
    code;
    name = 'IdentityError';
    expose = true;
    status;
    constructor(code, message) {
        super(message);
        this.code = code;
        this.status = code === 'user_not_found' ? 404 : code === 'user_exists' ? 409 : 400;
    }
}
//# sourceMappingURL=user.js.map