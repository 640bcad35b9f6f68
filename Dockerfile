# One image for all four apps; docker-compose picks the app with `command`.
# The no-Docker path is `npm start` (see README).

FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NX_DAEMON=false NX_NO_CLOUD=true
COPY package.json package-lock.json ./
COPY libs/contracts/package.json libs/contracts/
COPY libs/platform/package.json libs/platform/
COPY tools/local-stack/package.json tools/local-stack/
RUN npm ci
COPY . .
RUN npx nx run-many -t build --output-style=static

FROM node:24-bookworm-slim AS runtime
# MALLOC_MMAP_THRESHOLD_: freed blocks of 1 MiB and more go back to the system (docs/adr/0021).
ENV NODE_ENV=production LOG_FORMAT=json MALLOC_MMAP_THRESHOLD_=1048576
WORKDIR /app
COPY package.json package-lock.json ./
COPY libs/contracts/package.json libs/contracts/
COPY libs/platform/package.json libs/platform/
COPY tools/local-stack/package.json tools/local-stack/
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/libs/contracts/dist libs/contracts/dist
COPY --from=build /app/libs/platform/dist libs/platform/dist
COPY --from=build /app/apps/gateway/dist apps/gateway/dist
COPY --from=build /app/apps/catalog-service/dist apps/catalog-service/dist
COPY --from=build /app/apps/stock-service/dist apps/stock-service/dist
COPY --from=build /app/apps/notification-service/dist apps/notification-service/dist
USER node
CMD ["node", "apps/gateway/dist/main.js"]
