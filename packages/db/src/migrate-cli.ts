import { z } from "zod";
import { runMigrations } from "./migrate";

const env = z
  .object({
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: "DATABASE_URL must be a postgres:// URL" }),
  })
  .safeParse(process.env);
if (!env.success) {
  process.stderr.write(
    `db:migrate: ${env.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}\n`,
  );
  process.exit(1);
}
await runMigrations(env.data.DATABASE_URL);
process.stdout.write("migrations applied\n");
