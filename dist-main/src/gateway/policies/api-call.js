/**
 * One request below a published API on its way through the policies. Each field is written by
 * exactly one policy, named beside it, and only read by the policies after it; one object per
 * request, so the chain allocates nothing more than the checks themselves need.
 */
export class ApiCall {
    constructor(req, reply) {
        this.req = req;
        this.reply = reply;
        this.table = undefined;
        this.path = '';
        this.query = '';
        this.compiled = undefined;
        this.api = undefined;
        this.rest = '';
        this.answerHeaders = undefined;
        this.resource = undefined;
        this.token = undefined;
        this.caller = undefined;
        this.subscription = undefined;
        this.backend = '';
        this.assertion = undefined;
    }
}
/** What a policy returns when it has answered the request itself: the policies after it do not run. */
export const ANSWERED = Symbol('answered');
//# sourceMappingURL=api-call.js.map