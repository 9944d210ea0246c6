package org.planmap.system;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A request the API refuses, with the HTTP status it maps to. The one {@link ProblemHandler} turns it into
 * an {@code application/problem+json} body; {@code parameter} and {@code value} name what was wrong. A
 * refusal may carry its detail in Chinese too ({@link #withChinese}); the handler picks it when the request's
 * {@code Accept-Language} prefers Chinese. A refusal over a configured limit names the limit's key
 * ({@link #withLimit}), which the body carries as {@code limit}.
 */
public class ApiException extends ErrorResponseException {
    private final HttpStatus status;
    private final String detail;
    private final String parameter;
    private final String value;
    private String detailZh;
    private String limit;
    private Integer retryAfterSeconds;

    /** Spring's error response: its problem body and headers are what {@link ProblemHandler} answers with. */
    public ApiException(HttpStatus status, String detail, String parameter, String value) {
        super(status);
        this.status = status;
        this.detail = detail;
        this.parameter = parameter;
        this.value = value;
        setDetail(detail);
    }

    /** The detail in English (the exception's message, as logs and tests read it). */
    @Override
    public String getMessage() {
        return detail;
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
        return e.withRetryAfter(retryAfterSeconds);
    }

    public ApiException withChinese(String detail) {
        this.detailZh = detail;
        return this;
    }

    /** Adds {@code Retry-After} (e.g. to a 429: when the client may try again). */
    public ApiException withRetryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
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
