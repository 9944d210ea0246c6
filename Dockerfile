# planmap image: `docker compose up --build` (README). Base images are pinned; the runtime image holds the jar
# and the geodata/ the app reads (.dockerignore leaves out geodata/sources and geodata/sketch, which only the
# geodata builder uses), runs as an unprivileged user, and sizes its heap from the container's memory limit.
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY web web
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17.0.13_11-jre-jammy
RUN groupadd --system --gid 10001 planmap \
 && useradd --system --uid 10001 --gid planmap --home-dir /app --no-create-home --shell /usr/sbin/nologin planmap
WORKDIR /app
COPY --from=build /src/target/planmap-*.jar app.jar
COPY geodata geodata
# data/ holds the H2GIS database when the app runs without PostGIS; the only folder the app writes
RUN mkdir -p /app/data && chown planmap:planmap /app/data
USER planmap
# The app holds ~70 MB of live heap after start and up to ~150 MB per upload analysis (docs/operations.md):
# 75 % of a 768 MB container limit is a 576 MB heap. Exit on OutOfMemoryError so the restart policy restarts it.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
# liveness without curl (not in the JRE image): an HTTP/1.0 GET over bash's /dev/tcp
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/liveness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]
ENTRYPOINT ["java", "-jar", "app.jar"]
