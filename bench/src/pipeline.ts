// `pnpm bench:pipeline`: see the module comment once written.
export {};
