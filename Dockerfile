# Builds the shop jar and runs it on a JRE. Tests are run by `./mvnw verify`, not here:
# they need a PostgreSQL server and a browser.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/micromall-*.jar /micromall.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home micromall
USER micromall
WORKDIR /home/micromall
COPY --from=build /micromall.jar micromall.jar
EXPOSE 8080
# The image is for production: PostgreSQL and settings from the environment, never the demo shop (its known owner
# password, instant payment and public device salt). `--spring.profiles.active=...` or this variable overrides it.
ENV SPRING_PROFILES_ACTIVE=postgres
# The memory settings the benchmark runs with (BENCHMARKS.md; its target: resident memory <= 512 MB).
ENV MALLOC_ARENA_MAX=2
ENTRYPOINT ["java", "-Xms192m", "-Xmx192m", "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-jar", "micromall.jar"]
