# One image for every media-monitor job: `docker run IMAGE ingest|enrich|alerts|run ...`
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home /var/lib/media-monitor media-monitor \
    && mkdir -p /var/lib/media-monitor && chown media-monitor /var/lib/media-monitor
COPY --from=build /src/app/target/media-monitor.jar /opt/media-monitor/media-monitor.jar
USER media-monitor
WORKDIR /var/lib/media-monitor
ENV MEDIA_MONITOR_DATA_DIR=/var/lib/media-monitor \
    MEDIA_MONITOR_DASHBOARD_BIND_ADDRESS=0.0.0.0
EXPOSE 8080
# the parallel collector: a seventh less CPU per article than G1 for the stream jobs on a few cores, pauses well
# under the latency goals (README, "From all-in-one to a cluster")
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseParallelGC", "-jar", "/opt/media-monitor/media-monitor.jar"]
CMD ["--help"]
