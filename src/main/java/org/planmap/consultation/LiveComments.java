package org.planmap.consultation;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live view of a consultation (server-sent events): every follower of a consultation gets {@code count}
 * (comments received and published) when a comment arrives, {@code comment} (its public form) when one is
 * published, and {@code hidden} (its id) when a moderator hides one. Events are sent after the change is committed;
 * a comment heartbeat every 15 s keeps proxies from closing an idle stream. One app instance: followers connected
 * to another instance see its events only (see docs/consultation.md).
 */
@Component
class LiveComments {
    private final Map<String, List<SseEmitter>> followers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "consultation-live-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final long timeoutMillis;

    LiveComments(ConsultationProperties properties) {
        this.timeoutMillis = properties.liveTimeout().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, 15, 15, TimeUnit.SECONDS);
    }

    SseEmitter follow(String consultationId, Map<String, Object> counts) {
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        List<SseEmitter> list = followers.computeIfAbsent(consultationId, k -> new CopyOnWriteArrayList<>());
        list.add(emitter);
        Runnable remove = () -> list.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(list, emitter, "count", counts);
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

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
        followers.values().forEach(list -> list.forEach(SseEmitter::complete));
    }
}
