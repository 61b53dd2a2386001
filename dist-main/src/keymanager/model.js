export const ENVIRONMENTS = ['production', 'sandbox'];
//# sourceMappingURL=model.js.map