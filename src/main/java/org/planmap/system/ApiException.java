package org.planmap.system;

import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, with the HTTP status it maps to. The one {@link ProblemHandler} turns it into
 * an {@code application/problem+json} body; {@code parameter} and {@code value} name what was wrong. A
 * refusal may carry its detail in Chinese too ({@link #withChinese}); the handler picks it when the request's
 * {@code Accept-Language} prefers Chinese. A refusal over a configured limit names the limit's key
 * ({@link #withLimit}), which the body carries as {@code limit}.
 */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String parameter;
    private final String value;
    private String detailZh;
    private String limit;
    private Integer retryAfterSeconds;

    public ApiException(HttpStatus status, String detail, String parameter, String value) {
        super(detail);
        this.status = status;
        this.parameter = parameter;
        this.value = value;
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, what + " '" + id + "' does not exist", null, id);
    }

    public static ApiException badParameter(String parameter, String value, String why) {
        return new ApiException(HttpStatus.BAD_REQUEST,
                "Invalid value for parameter '" + parameter + "': " + why, parameter, value);
    }

    /** 503 with {@code Retry-After}: the service cannot answer now but will soon (busy, database away). */
    public static ApiException unavailable(String detail, String detailZh, int retryAfterSeconds) {
        ApiException e = new ApiException(HttpStatus.SERVICE_UNAVAILABLE, detail, null, null).withChinese(detailZh);
        e.retryAfterSeconds = retryAfterSeconds;
        return e;
    }

    public ApiException withChinese(String detail) {
        this.detailZh = detail;
        return this;
    }

    /** Adds {@code Retry-After} (e.g. to a 429: when the client may try again). */
    public ApiException withRetryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    public ApiException withLimit(String key) {
        this.limit = key;
        return this;
    }

    public HttpStatus status() { return status; }
    public String parameter() { return parameter; }
    public String value() { return value; }
    public String detailZh() { return detailZh; }
    public String limit() { return limit; }
    public Integer retryAfterSeconds() { return retryAfterSeconds; }
}
