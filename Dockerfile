# The API server, for docker-compose.yml. Neo4j runs in its own container (NEO4J_URI), so this
# image needs Node only: no Java, no embedded database.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY src ./src
COPY cypher ./cypher
COPY graphql ./graphql
COPY seed ./seed
COPY web ./web
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
EXPOSE 4000
CMD ["node", "--import", "tsx", "src/cli/start.ts"]
