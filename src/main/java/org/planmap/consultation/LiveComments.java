package org.planmap.consultation;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live view of a consultation (server-sent events): every follower of a consultation gets {@code count}
 * (comments received and published) when a comment arrives, {@code comment} (its public form) when one is
 * published, and {@code hidden} (its id) when a moderator hides one. Events are sent after the change is committed;
 * a comment heartbeat every 15 s keeps proxies from closing an idle stream. One app instance: followers connected
 * to another instance see its events only (see docs/consultation.md).
 *
 * <p>When the app begins to stop (a rolling restart), before the web server's graceful shutdown waits for the
 * requests in flight, every open stream is ended cleanly, with a {@code retry} hint of {@link #RECONNECT}, and a
 * stream asked for after that ends at once the same way: the browser's EventSource reconnects by itself, through
 * the proxy to an instance that stays, and the stop does not wait for streams that would stay open for
 * {@code live-timeout}. (A 503 would not do: EventSource gives up for good on any answer but 200.)
 */
@Component
class LiveComments implements SmartLifecycle {
    /** How soon a browser whose stream the stop ended asks again (its own default is a few seconds). */
    static final Duration RECONNECT = Duration.ofSeconds(1);
    private final Map<String, List<SseEmitter>> followers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "consultation-live-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final long timeoutMillis;
    private volatile boolean running;

    LiveComments(ConsultationProperties properties) {
        this.timeoutMillis = properties.liveTimeout().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, 15, 15, TimeUnit.SECONDS);
    }

    SseEmitter follow(String consultationId, Map<String, Object> counts) {
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        if (!running) {
            end(emitter);
            return emitter;
        }
        List<SseEmitter> list = followers.computeIfAbsent(consultationId, k -> new CopyOnWriteArrayList<>());
        list.add(emitter);
        if (!running) list.remove(emitter); // the stop began meanwhile and may have missed it
        Runnable remove = () -> list.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(list, emitter, "count", counts);
        if (!running) end(emitter);
        return emitter;
    }

    int followers(String consultationId) {
        return followers.getOrDefault(consultationId, List.of()).size();
    }

    void publish(String consultationId, String event, Object data) {
        List<SseEmitter> list = followers.get(consultationId);
        if (list == null) return;
        for (SseEmitter e : list) send(list, e, event, data);
    }

    private static void send(List<SseEmitter> list, SseEmitter e, String event, Object data) {
        try {
            e.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            list.remove(e);
        }
    }

    private void beat() {
        for (List<SseEmitter> list : followers.values()) {
            for (SseEmitter e : list) {
                try {
                    e.send(SseEmitter.event().comment("keep-alive"));
                } catch (IOException | IllegalStateException gone) {
                    list.remove(e);
                }
            }
        }
    }

    /** Ends a stream cleanly (the response completes), telling the browser to reconnect after {@link #RECONNECT}. */
    private static void end(SseEmitter e) {
        try {
            e.send(SseEmitter.event().reconnectTime(RECONNECT.toMillis()).comment("server stopping: reconnect"));
        } catch (IOException | IllegalStateException gone) {
            // the browser left already; complete() below is then a no-op
        }
        e.complete();
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every open stream and refuses new ones (see the class comment); runs before the web server's wait. */
    @Override
    public void stop() {
        running = false;
        for (List<SseEmitter> list : followers.values()) {
            for (SseEmitter e : list) {
                list.remove(e);
                end(e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Higher than the web server's graceful shutdown, so this stops first. */
    @Override
    public int getPhase() {
        return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE + 1;
    }

    @PreDestroy
    void close() {
        heartbeat.shutdownNow();
        stop();
    }
}
