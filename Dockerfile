# Redress in a container: `redress serve` on Node 20 (Debian), as a non-root user, its data under /data.
# See docs/DEPLOYMENT.md. Build: docker build -t redress .   Run one machine on SQLite:
#   docker run -d -p 3000:3000 -p 2525:2525 -v redress-data:/data -e PUBLIC_URL=https://complaints.example.co.uk redress
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 downloads a prebuilt binary for Node 20 on x64 and arm64; the compilers are its fallback.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Runtime dependencies only: tsx runs the TypeScript (no build step) and Vite builds the web app.
RUN npm ci --omit=dev
COPY bin ./bin
COPY src ./src
COPY web ./web
COPY tsconfig.json ./
RUN node bin/redress.js build-web

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    SMTP_PORT=2525 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /app /app
# The node image's unprivileged user owns the data directory, and tsx's compile cache under /tmp.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000 2525
# Liveness: every role answers /healthz on PORT (worker and mail processes serve /healthz, /readyz and /metrics).
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM stops it gracefully (within SHUTDOWN_TIMEOUT_MS, 20 s): give it longer than that before SIGKILL
# (docker stop -t 30, compose's stop_grace_period).
STOPSIGNAL SIGTERM
CMD ["node", "bin/redress.js", "serve"]
