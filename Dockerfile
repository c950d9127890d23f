# One image for every Parallax process: the web app (`pnpm --filter @parallax/web start`), the worker
# (`pnpm --filter @parallax/worker start`) and the one-shot migration (`pnpm db:migrate`). See docs/deploy.md.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm i -g pnpm@10
COPY . .
RUN pnpm install --frozen-lockfile && pnpm --filter @parallax/web build

FROM node:20-bookworm-slim
WORKDIR /app
RUN npm i -g pnpm@10 && useradd --system --create-home parallax
COPY --from=build --chown=parallax:parallax /app /app
USER parallax
ENV NODE_ENV=production
EXPOSE 3000
CMD ["pnpm", "--filter", "@parallax/web", "start"]
