// RFC 6749 §5.1 / R8: anything carrying tokens or credentials must not be cached.
export const NO_STORE = Object.freeze({ 'cache-control': 'no-store', pragma: 'no-cache' });
//# sourceMappingURL=responses.js.map