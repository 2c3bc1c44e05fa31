# The API server, for docker-compose.yml. Neo4j runs in its own container (NEO4J_URI), so this
# image needs Node only: no Java, no embedded database. test/docker-image.test.ts runs these
# steps (production install, start with NEO4J_URI, no Java) on every test run.
FROM node:22-bookworm-slim
WORKDIR /app
# Run as the image's unprivileged user; it owns the app folder (the explorer is built into web/dist).
RUN chown node:node /app
USER node
COPY --chown=node:node package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY --chown=node:node src ./src
COPY --chown=node:node cypher ./cypher
COPY --chown=node:node graphql ./graphql
COPY --chown=node:node seed ./seed
COPY --chown=node:node web ./web
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
EXPOSE 4000
CMD ["node", "--import", "tsx", "src/cli/start.ts"]
