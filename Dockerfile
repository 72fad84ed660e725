# authd container image: `docker build -t authd:0.1.0 .` (the Helm chart's default image is authd:<appVersion>).
# Build stage: Maven with a JDK 21 builds the shaded jar; tests run in CI (bin/test), not here.
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q -DskipTests package

# Runtime: a JRE only. Runs as an unprivileged user with a numeric id (so Kubernetes can check runAsNonRoot)
# and writes nothing outside /tmp, so it runs with a read-only root file system (the chart mounts /tmp).
FROM eclipse-temurin:21-jre
RUN groupadd --system --gid 10001 authd \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin authd
COPY --from=build /src/target/authd.jar /opt/authd/authd.jar
# The demo configuration, so that `docker run -p 8080:8080 authd:0.1.0` answers; the chart mounts its own.
COPY config/authd.yaml config/credentials.yaml /etc/authd/
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
USER 10001:10001
# 8080: public API (HTTP/1.1, h2c, gRPC; TLS when configured). 8081: health, metrics, admin API.
EXPOSE 8080 8081
# The JVM is PID 1 and gets SIGTERM itself: authd drains (shutdown.drain, shutdown.timeout) and exits 0.
ENTRYPOINT ["java", "-jar", "/opt/authd/authd.jar"]
CMD ["serve", "--config", "/etc/authd/authd.yaml"]
