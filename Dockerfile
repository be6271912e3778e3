# The app image for docker-compose.yml (or any container platform): builds the TypeScript and the
# viewer, keeps production dependencies only, serves on PORT (4000). Configure with NEO4J_URI,
# NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE, KG_API_TOKEN; without NEO4J_URI it uses the
# embedded store in /app/data (mount a volume there to keep it).
FROM node:20-bookworm-slim
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3 esbuild
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund
ENV NODE_ENV=production PORT=4000
EXPOSE 4000
USER node
# `kg start` seeds an empty store, then serves; Ctrl-C / SIGTERM stop it cleanly.
CMD ["node", "bin/kg.js", "start"]
