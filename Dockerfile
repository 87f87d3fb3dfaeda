# syntax=docker/dockerfile:1
#
# The service as a container image:
#   docker build -t dsql-petclinic .
#   docker run -p 8080:8080 -e CLUSTER_ENDPOINT=... \
#     -e SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI=... -e PETCLINIC_AUTH_AUDIENCES=... dsql-petclinic
# Configured only by environment variables (see the README); without the token issuer (or
# PETCLINIC_AUTH=none) it refuses to start. A test
# (ContainerEntryIntegrationTest) runs this file's extract, training and entry commands on
# every build, so that it cannot silently stop working.

# Build: the Maven wrapper on a JDK. Tests run in CI, not here.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /workspace
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -DskipTests package
# The jar in layers, least to most often changed, so that a code change rebuilds one small layer.
RUN java -Djarmode=tools -jar target/dsql-petclinic-*.jar extract --layers --destination extracted --application-filename app.jar

# Run: a JRE, a user without privileges, the layers in the same order.
FROM eclipse-temurin:25-jre AS runtime
RUN groupadd --system --gid 10001 petclinic && useradd --system --uid 10001 --gid petclinic --no-create-home petclinic
WORKDIR /app
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
# A training run for Java's ahead-of-time cache (JEP 483/514/515): the context starts and
# stops without a database, and the classes it loaded and linked start ready next time.
# It validates tokens as the service does by default; the JWK set is fetched only by a
# request, so no issuer is needed.
RUN java -XX:AOTCacheOutput=app.aot \
    -Dspring.context.exit=onRefresh \
    -Dspring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost/aot-training/jwks \
    -Dpetclinic.auth.audiences=aot-training \
    -Dspring.datasource.url=jdbc:postgresql://localhost/aot-training \
    -Dspring.liquibase.enabled=false \
    -Dspring.jpa.hibernate.ddl-auto=none \
    -Dspring.jpa.database-platform=org.hibernate.dialect.PostgreSQLDialect \
    -Dspring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false \
    -jar app.jar
USER 10001:10001
ENV SERVER_PORT=8080
EXPOSE 8080
# The JRE image has no curl: bash asks the readiness endpoint itself.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/$SERVER_PORT && printf "GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && head -n 1 <&3 | grep -q "^HTTP/1.[01] 200"'
# Heap: half the container's memory limit. The JVM needs about 300 MB more outside the heap under load (classes,
# compiled code, buffers; measured, see BENCHMARKS.md), so a larger share gets a small container killed.
# An OutOfMemoryError ends the process so the orchestrator restarts it. Extra JVM options: JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError", "-XX:AOTCache=app.aot", "-jar", "app.jar"]
