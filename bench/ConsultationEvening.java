// Load generator of bench/consultation-evening.sh (Java 17, no dependencies):
//   java bench/ConsultationEvening.java <baseUrl> <adminUser> <adminPassword> <submitters> <seconds> <followers> <browsers>
// A consultation evening: an admin creates a moderated consultation; <followers> clients follow its live view
// (server-sent events); <browsers> clients browse the map (layers, plan, the published comments) every 2 s;
// <submitters> residents each send one comment at a random moment within <seconds>, each from its own address
// (X-Forwarded-For; the app runs with server.forward-headers-strategy=native as behind a proxy) and with its own
// Idempotency-Key, retried with the same key until acknowledged (201) or 120 s pass; a moderator approves the queue
// every second. Prints: acknowledged vs stored (every acknowledged id is looked up), p50/p95/max of the submission
// answer, and the live delay (approval sent → event received by a follower) p50/p95/max with missed events.
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ConsultationEvening {
    static final Pattern ID = Pattern.compile("\"id\":\"([A-Za-z0-9_-]+)\"");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Places inside the district (zones east, west, the two belts), jittered by up to ±0.004° (≈ 400 m). */
    static final double[][] PLACES = {{106.45, 29.58}, {106.33, 29.60}, {106.40, 29.55}, {106.36, 29.65}, {106.43, 29.62}};
    static final String[] TOPICS = {"support", "concern", "suggestion", "question"};

    static String base;
    static final List<Long> submitMs = Collections.synchronizedList(new ArrayList<>());
    static final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    static final AtomicInteger unacknowledged = new AtomicInteger();
    static final AtomicInteger retries = new AtomicInteger();
    static final Map<String, Long> approvedAt = new ConcurrentHashMap<>(); // comment id → nanoTime the approval was sent
    static final List<Long> liveMs = Collections.synchronizedList(new ArrayList<>());
    static final AtomicInteger liveEvents = new AtomicInteger();
    static final AtomicInteger browseFailures = new AtomicInteger();
    static final AtomicInteger browseRequests = new AtomicInteger();

    /** A signed-in staff session: cookies SESSION and XSRF-TOKEN kept by hand. */
    static final class Staff {
        final Map<String, String> cookies = new ConcurrentHashMap<>();

        HttpResponse<String> send(String method, String path, String json) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) b.header("Content-Type", "application/json");
            if (!cookies.isEmpty()) {
                b.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
            if (cookies.containsKey("XSRF-TOKEN")) b.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            for (String c : r.headers().allValues("Set-Cookie")) {
                String[] kv = c.split(";", 2)[0].split("=", 2);
                if (kv.length == 2) cookies.put(kv[0], kv[1]);
            }
            return r;
        }
    }

    public static void main(String[] a) throws Exception {
        base = a[0];
        String user = a[1];
        String password = a[2];
        int submitters = Integer.parseInt(a[3]);
        int seconds = Integer.parseInt(a[4]);
        int followers = Integer.parseInt(a[5]);
        int browsers = Integer.parseInt(a[6]);

        Staff admin = new Staff();
        admin.send("GET", "/api/account/me", null);
        HttpResponse<String> in = admin.send("POST", "/api/account/sign-in",
                "{\"username\":\"" + user + "\",\"password\":\"" + password.replace("\"", "\\\"") + "\"}");
        if (in.statusCode() != 200) throw new IllegalStateException("sign-in: " + in.statusCode() + " " + in.body());
        HttpResponse<String> created = admin.send("POST", "/api/staff/consultations", "{\"titleZh\":\"基准测试：意见征集之夜\","
                + "\"titleEn\":\"Benchmark: a consultation evening\",\"opensAt\":\"2020-01-01T00:00:00Z\",\"closesAt\":\"2099-01-01T00:00:00Z\","
                + "\"planRefs\":[\"p6-c16\"],\"questions\":[{\"zh\":\"您的意见？\",\"en\":\"Your view?\"}]}");
        if (created.statusCode() != 201) throw new IllegalStateException("create: " + created.statusCode() + " " + created.body());
        String consultation = match(created.body());
        System.out.println("consultation " + consultation);

        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch connected = new CountDownLatch(followers);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < followers; i++) threads.add(daemon(() -> follow(consultation, connected, running)));
        if (!connected.await(60, TimeUnit.SECONDS)) System.out.println("only " + (followers - connected.getCount()) + " followers connected");
        for (int i = 0; i < browsers; i++) threads.add(daemon(() -> browse(consultation, running)));
        Thread moderator = daemon(() -> moderate(admin, consultation, running));

        ExecutorService residents = Executors.newFixedThreadPool(64);
        Random random = new Random(42);
        long start = System.nanoTime();
        List<Long> moments = new ArrayList<>();
        for (int i = 0; i < submitters; i++) moments.add((long) (random.nextDouble() * seconds * 1000));
        Collections.sort(moments);
        for (int i = 0; i < submitters; i++) {
            long at = moments.get(i);
            int n = i;
            long wait = at - (System.nanoTime() - start) / 1_000_000;
            if (wait > 0) Thread.sleep(wait);
            residents.submit(() -> submit(consultation, n));
        }
        residents.shutdown();
        residents.awaitTermination(300, TimeUnit.SECONDS);
        // let the moderator approve the last ones and the followers hear of them
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until && approvedAt.size() < acknowledged.size()) Thread.sleep(200);
        Thread.sleep(3000);
        running.set(false);

        HttpResponse<String> published = admin.send("GET", "/api/staff/comments?consultation=" + consultation + "&status=published&limit=1000", null);
        HttpResponse<String> pending = admin.send("GET", "/api/staff/comments?consultation=" + consultation + "&status=pending&limit=1000", null);
        int stored = countIds(published.body() + pending.body(), acknowledged);
        HttpResponse<String> results = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/consultations/" + consultation + "/results")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher received = Pattern.compile("\"received\":(\\d+)").matcher(results.body());
        int expectedEvents = approvedAt.size() * followers;
        System.out.printf("submitters=%d seconds=%d followers=%d browsers=%d%n", submitters, seconds, followers, browsers);
        System.out.printf("acknowledged=%d stored(received)=%s acknowledged-and-published-found=%d unacknowledged=%d retries=%d%n",
                acknowledged.size(), received.find() ? received.group(1) : "?", stored, unacknowledged.get(), retries.get());
        System.out.printf("submit-ms p50=%d p95=%d max=%d (n=%d)%n", pct(submitMs, 50), pct(submitMs, 95), pct(submitMs, 100), submitMs.size());
        System.out.printf("live-delay-ms p50=%d p95=%d max=%d events=%d of %d expected (approved=%d x followers=%d)%n",
                pct(liveMs, 50), pct(liveMs, 95), pct(liveMs, 100), liveEvents.get(), expectedEvents, approvedAt.size(), followers);
        System.out.printf("browse requests=%d failures=%d%n", browseRequests.get(), browseFailures.get());
        moderator.join(2000);
        System.exit(0);
    }

    static void submit(String consultation, int n) {
        Random r = new Random(n);
        double[] p = PLACES[n % PLACES.length];
        String body = String.format(java.util.Locale.ROOT, "{\"topic\":\"%s\",\"text\":\"第 %d 位居民的意见：希望增加步行道和公园。\","
                + "\"point\":[%.6f,%.6f]}", TOPICS[n % 4], n, p[0] + (r.nextDouble() - 0.5) * 0.008, p[1] + (r.nextDouble() - 0.5) * 0.008);
        String key = UUID.randomUUID().toString();
        String address = "10." + (n / 65536 % 256) + "." + (n / 256 % 256) + "." + (n % 256);
        long first = System.nanoTime();
        while (System.nanoTime() - first < TimeUnit.SECONDS.toNanos(120)) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> res = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/consultations/" + consultation + "/comments"))
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json").header("Idempotency-Key", key)
                        .header("X-Forwarded-For", address).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() == 201) {
                    submitMs.add((System.nanoTime() - t0) / 1_000_000);
                    acknowledged.add(match(res.body()));
                    return;
                }
                if (res.statusCode() < 500 && res.statusCode() != 429) {
                    System.out.println("refused " + res.statusCode() + ": " + res.body());
                    unacknowledged.incrementAndGet();
                    return;
                }
            } catch (Exception retry) {
                // timeout, reset: the same key again
            }
            retries.incrementAndGet();
            try { Thread.sleep(500); } catch (InterruptedException e) { return; }
        }
        unacknowledged.incrementAndGet();
    }

    static void follow(String consultation, CountDownLatch connected, AtomicBoolean running) {
        try {
            HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/consultations/" + consultation + "/live"))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            connected.countDown();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String event = null;
                for (String line; running.get() && (line = in.readLine()) != null; ) {
                    if (line.startsWith("event:")) event = line.substring(6).trim();
                    else if (line.startsWith("data:") && "comment".equals(event)) {
                        long now = System.nanoTime();
                        Long sent = approvedAt.get(match(line));
                        liveEvents.incrementAndGet();
                        if (sent != null) liveMs.add((now - sent) / 1_000_000);
                    }
                }
            }
        } catch (Exception e) {
            System.out.println("follower: " + e);
        }
    }

    static void browse(String consultation, AtomicBoolean running) {
        String[] paths = {"/api/layers", "/api/layers/project-sites", "/api/plan", "/api/consultations/" + consultation + "/comments"};
        int i = 0;
        while (running.get()) {
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + paths[i++ % paths.length])).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.discarding());
                browseRequests.incrementAndGet();
                if (r.statusCode() != 200) browseFailures.incrementAndGet();
                Thread.sleep(2000);
            } catch (Exception e) {
                browseFailures.incrementAndGet();
            }
        }
    }

    static void moderate(Staff moderator, String consultation, AtomicBoolean running) {
        while (running.get()) {
            try {
                HttpResponse<String> q = moderator.send("GET", "/api/staff/comments?consultation=" + consultation + "&status=pending&limit=1000", null);
                Matcher m = Pattern.compile("\\{\"id\":\"([A-Za-z0-9_-]{22})\"").matcher(q.body());
                while (m.find()) {
                    String id = m.group(1);
                    approvedAt.put(id, System.nanoTime());
                    HttpResponse<String> r = moderator.send("POST", "/api/staff/comments/" + id + "/approve", "{}");
                    if (r.statusCode() != 200) System.out.println("approve " + r.statusCode() + ": " + r.body());
                }
                Thread.sleep(1000);
            } catch (Exception e) {
                System.out.println("moderator: " + e);
            }
        }
    }

    static Thread daemon(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        t.start();
        return t;
    }

    static int countIds(String body, Set<String> ids) {
        int n = 0;
        for (String id : ids) if (body.contains("\"id\":\"" + id + "\"")) n++;
        return n;
    }

    static String match(String s) {
        Matcher m = ID.matcher(s);
        if (!m.find()) throw new IllegalStateException("no id in " + s);
        return m.group(1);
    }

    static long pct(List<Long> values, int p) {
        List<Long> v;
        synchronized (values) { v = new ArrayList<>(values); }
        if (v.isEmpty()) return -1;
        Collections.sort(v);
        return v.get(Math.min(v.size() - 1, (int) Math.ceil(p / 100.0 * v.size()) - 1 < 0 ? 0 : (int) Math.ceil(p / 100.0 * v.size()) - 1));
    }
}
