export {};
//# sourceMappingURL=statistics-store.js.map