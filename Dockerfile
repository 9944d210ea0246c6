# Build and run planmap. The geodata/ folder is copied next to the jar: the app loads it at start.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY web web
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/planmap-*.jar app.jar
COPY geodata geodata
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "app.jar"]
