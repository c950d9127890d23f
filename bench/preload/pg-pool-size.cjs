// Loaded with `--require` into `next start` by bench:web to measure the web app at another pool size than the
// 10 that packages/db's createDatabase asks for (the app has no setting for it): every pg.Pool made in the process
// gets max = PARALLAX_BENCH_PG_POOL_MAX. There is one pg in the workspace, so this is the module the app loads.
const max = Number(process.env.PARALLAX_BENCH_PG_POOL_MAX);
if (Number.isInteger(max) && max > 0) {
  const path = require("node:path");
  const pg = require(require.resolve("pg", { paths: [path.join(__dirname, "../../packages/db")] }));
  const Base = pg.Pool;
  pg.Pool = class extends Base {
    constructor(options = {}) {
      super({ ...options, max });
    }
  };
}
