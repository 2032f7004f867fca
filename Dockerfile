# syntax=docker/dockerfile:1
# The report bot as a container: `docker build -t report-bot .` then see compose.yaml or README
# ("Run it for real"). Two stages: the build stage compiles TypeScript with the dev dependencies;
# the runtime stage has production dependencies only, runs as a non-root user, and keeps the corpus
# and the data folder (index cache, the SQLite store bot.db) on volumes.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
# npm ci runs the prepare script: tsc compiles src/ to dist/
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    CORPUS_DIR=/app/corpus \
    INDEX_CACHE_DIR=/data/cache \
    DATA_DIR=/data \
    HEALTH_PORT=8080 \
    HEALTH_HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the prepare script (tsc) belongs to the build stage; dist/ is copied from there.
# better-sqlite3 (the store) is a native addon: its own install script fetches the prebuilt binary
# for this Node.js and platform.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3 && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY data ./data
COPY corpus ./corpus
RUN mkdir -p /data/cache && chown -R node:node /data /app/corpus
USER node
VOLUME ["/app/corpus", "/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:8080/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# node itself is PID 1's child of nothing: it receives SIGTERM from `docker stop` directly and stops
# cleanly (answers in flight finish). The flags are npm start's (src/node-flags.ts).
CMD ["node", "--min-semi-space-size=64", "--max-semi-space-size=64", "--v8-pool-size=1", "dist/index.js"]
