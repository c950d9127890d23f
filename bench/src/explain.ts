// `pnpm bench:explain`: see the module comment once written.
export {};
