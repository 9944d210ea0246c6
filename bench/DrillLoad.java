// Load generator of bench/db-drills.sh (Java 17, no dependencies; the script compiles it once with javac):
//   java bench/DrillLoad.java save  <baseUrl> <seconds> <savesPerSecond> <tag> <out.tsv>
//   java bench/DrillLoad.java read  <baseUrl> <ids.txt> <concurrency>
//   java bench/DrillLoad.java check <baseUrl> <out.tsv>
// save: POSTs /api/overlays at a fixed rate, each save with its own Idempotency-Key; a save that gets no 201
// (503, timeout, refused connection, reset) is retried with the same key until it is acknowledged or 120 s pass
// (DRILL_RETRY_SECONDS).
// Meanwhile GET /api/plan (needs no database) and GET /api/overlays/{id} (needs it) run at 5/s each. Writes one
// line per acknowledged save (name, id) to out.tsv and prints the figures: acknowledged, unacknowledged (given
// up), answers by status, slowest answer, and the time of the first failure and of the first success after it.
// check: GETs every saved id of out.tsv and prints stored and lost. read: N concurrent GETs of saved overlays.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class DrillLoad {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final Pattern ID = Pattern.compile("\"id\":\"([A-Za-z0-9_-]{22})\"");
    static final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    static final AtomicLong slowestMs = new AtomicLong();
    static final AtomicLong slowestFailureMs = new AtomicLong();
    static final AtomicLong slowestPlanMs = new AtomicLong();
    static final AtomicLong firstFailure = new AtomicLong(-1);
    static final AtomicLong lastFailure = new AtomicLong(-1);
    static final AtomicLong firstSuccessAfterFailure = new AtomicLong(-1);
    static final List<String> acked = Collections.synchronizedList(new ArrayList<>());
    static final LongAdder givenUp = new LongAdder();
    /** How long a save is retried before it counts as unacknowledged (env DRILL_RETRY_SECONDS, default 120). */
    static final long RETRY_MS = 1000L * Long.parseLong(System.getenv().getOrDefault("DRILL_RETRY_SECONDS", "120"));
    static Path ackFile;
    static long t0;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "save" -> save(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4], Path.of(args[5]));
            case "check" -> check(args[1], Path.of(args[2]));
            case "read" -> read(args[1], Path.of(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static HttpResponse<String> send(HttpRequest r, String kind) {
        long start = System.nanoTime();
        String status;
        HttpResponse<String> answer = null;
        try {
            answer = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
            status = String.valueOf(answer.statusCode());
        } catch (Exception e) {
            status = e.getClass().getSimpleName();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        slowestMs.accumulateAndGet(ms, Math::max);
        statuses.computeIfAbsent(kind + " " + status, k -> new LongAdder()).increment();
        long now = System.currentTimeMillis() - t0;
        boolean ok = answer != null && answer.statusCode() < 500;
        if (!ok) slowestFailureMs.accumulateAndGet(ms, Math::max);
        if (kind.equals("plan")) slowestPlanMs.accumulateAndGet(ms, Math::max);
        if (!ok) {
            firstFailure.compareAndSet(-1, now);
            lastFailure.set(now);
        } else if (firstFailure.get() >= 0 && kind.equals("save") && answer.statusCode() == 201) {
            firstSuccessAfterFailure.compareAndSet(-1, now);
        }
        return answer;
    }

    static void save(String base, int seconds, int perSecond, String tag, Path out) throws Exception {
        t0 = System.currentTimeMillis();
        ackFile = out;
        Files.deleteIfExists(out);
        Files.createFile(out);
        ExecutorService pool = Executors.newCachedThreadPool();
        long n = 0;
        long end = t0 + seconds * 1000L;
        while (System.currentTimeMillis() < end) {
            long due = t0 + n * 1000L / perSecond;
            long wait = due - System.currentTimeMillis();
            if (wait > 0) Thread.sleep(wait);
            long k = n++;
            pool.submit(() -> saveOne(base, tag + "-" + k));
            if (k % 4 == 0) pool.submit(() -> {
                send(HttpRequest.newBuilder(URI.create(base + "/api/plan")).timeout(Duration.ofSeconds(10)).build(), "plan");
                String id = acked.isEmpty() ? "AAAAAAAAAAAAAAAAAAAAAA" : acked.get((int) (k % acked.size())).split("\t")[1];
                send(HttpRequest.newBuilder(URI.create(base + "/api/overlays/" + id)).timeout(Duration.ofSeconds(10)).build(), "read");
            });
        }
        pool.shutdown();
        pool.awaitTermination(RETRY_MS + 60_000, TimeUnit.MILLISECONDS);
        System.out.printf("saves sent=%d acknowledged=%d unacknowledged=%d slowest_ms=%d slowest_failed_ms=%d slowest_plan_ms=%d "
                        + "first_failure_s=%.1f last_failure_s=%.1f first_save_after_failure_s=%.1f%n", n, acked.size(), givenUp.sum(),
                slowestMs.get(), slowestFailureMs.get(), slowestPlanMs.get(), firstFailure.get() / 1000.0,
                lastFailure.get() / 1000.0, firstSuccessAfterFailure.get() / 1000.0);
        statuses.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.println("  " + e.getKey() + ": " + e.getValue().sum()));
    }

    static void saveOne(String base, String name) {
        String key = UUID.randomUUID().toString();
        String body = "{\"wkt\":\"POINT (106.45 29.58)\",\"name\":\"" + name + "\"}";
        long giveUp = System.currentTimeMillis() + RETRY_MS;
        while (System.currentTimeMillis() < giveUp) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/overlays")).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), "save");
            if (r != null && r.statusCode() == 201) {
                Matcher m = ID.matcher(r.body());
                if (m.find()) acknowledge(name + "\t" + m.group(1));
                return;
            }
            if (r != null && r.statusCode() < 500 && r.statusCode() != 429) {
                System.out.println("save " + name + " refused: " + r.statusCode() + " " + r.body());
                return;
            }
            long after = r == null ? 1000 : 1000L * Long.parseLong(r.headers().firstValue("Retry-After").orElse("1"));
            try {
                Thread.sleep(Math.min(after, 2000));
            } catch (InterruptedException e) {
                return;
            }
        }
        givenUp.increment();
    }

    /** Appended at once, so the drill script can see acknowledgements while the load runs. */
    static synchronized void acknowledge(String line) {
        acked.add(line);
        try {
            Files.writeString(ackFile, line + "\n", java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void check(String base, Path saved) throws Exception {
        List<String> lines = Files.readAllLines(saved);
        int stored = 0;
        List<String> lost = new ArrayList<>();
        for (String line : lines) {
            String id = line.split("\t")[1];
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/overlays/" + id)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) stored++; else lost.add(line + " " + r.statusCode());
        }
        System.out.printf("acknowledged=%d stored=%d lost=%d%n", lines.size(), stored, lost.size());
        lost.forEach(l -> System.out.println("  lost: " + l));
    }

    static void read(String base, Path saved, int concurrency) throws Exception {
        List<String> ids = Files.readAllLines(saved).stream().map(l -> l.split("\t")[1]).toList();
        t0 = System.currentTimeMillis();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<java.util.concurrent.Future<?>> all = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            String id = ids.get(i % ids.size());
            all.add(pool.submit(() -> send(HttpRequest.newBuilder(URI.create(base + "/api/overlays/" + id)).timeout(Duration.ofSeconds(60)).build(), "read")));
        }
        for (var f : all) f.get();
        pool.shutdown();
        System.out.printf("concurrent reads=%d wall_ms=%d slowest_ms=%d%n", concurrency, System.currentTimeMillis() - t0, slowestMs.get());
        statuses.forEach((k, v) -> System.out.println("  " + k + ": " + v.sum()));
    }
}
