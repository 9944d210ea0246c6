package org.planmap.system;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place that maps errors to HTTP: typed {@link ApiException}s keep their status, framework
 * errors get their natural 4xx, and anything else is logged and answered with a 500 that leaks nothing.
 * Every body is Spring's {@link ProblemDetail} as {@code application/problem+json} (RFC 9457).
 */
@RestControllerAdvice
public class ProblemHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    public static final MediaType PROBLEM_JSON = MediaType.parseMediaType("application/problem+json");

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        String detail = e.detailZh() != null && prefersChinese(request) ? e.detailZh() : e.getMessage();
        ResponseEntity<ProblemDetail> answer = problem(e.status(), detail, e.parameter(), e.value(), request);
        if (e.limit() != null) answer.getBody().setProperty("limit", e.limit());
        // the exception's own headers (Retry-After of a 503)
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).headers(e.getHeaders()).body(answer.getBody());
    }

    /** True when the request's Accept-Language ranks a Chinese tag above English (no header: English). */
    public static boolean prefersChinese(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) return false;
        try {
            for (java.util.Locale.LanguageRange range : java.util.Locale.LanguageRange.parse(header)) {
                String tag = range.getRange().toLowerCase(java.util.Locale.ROOT);
                if (tag.startsWith("zh")) return true;
                if (tag.startsWith("en")) return false;
            }
        } catch (IllegalArgumentException ignored) {
            // an unparseable header is treated as no preference
        }
        return false;
    }

    /**
     * Tomcat parses query parameters lazily and throws when one is not valid percent-encoded UTF-8
     * ({@code %C3%28}, {@code %ZZ}); the offending raw pair is found again here so the answer can name it.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodable(InvalidParameterException e, HttpServletRequest r) {
        String bad = QueryStrings.firstUndecodable(r.getQueryString());
        String name = bad == null ? null : bad.split("=", 2)[0];
        String value = bad == null || !bad.contains("=") ? null : bad.split("=", 2)[1];
        return problem(HttpStatus.BAD_REQUEST, "Query parameter " + (name == null ? "" : "'" + name + "' ")
                + "is not valid percent-encoded UTF-8", name, value, r);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e, HttpServletRequest r) {
        return problem(HttpStatus.BAD_REQUEST, "Missing required parameter '" + e.getParameterName() + "'",
                e.getParameterName(), null, r);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest r) {
        String value = e.getValue() == null ? null : String.valueOf(e.getValue());
        return problem(HttpStatus.BAD_REQUEST, "Invalid value for parameter '" + e.getName() + "'", e.getName(), value, r);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest r) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "None of the requested media types can be produced", null, null, r);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupported(HttpMediaTypeNotSupportedException e, HttpServletRequest r) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage(), null, null, r);
    }

    /** 405 with the {@code Allow} header RFC 9110 §15.5.6 asks for (Spring's exception carries it). */
    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest r) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not allowed here",
                null, null, r);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).headers(e.getHeaders()).body(answer.getBody());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest r) {
        return problem(HttpStatus.NOT_FOUND, "No such resource: " + r.getRequestURI(), null, null, r);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest r) {
        // the one upload limit not raised as an ApiException (Spring refuses the multipart body itself): localised here
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.PAYLOAD_TOO_LARGE, prefersChinese(r)
                ? "上传的文件超过允许的大小（上限：spring.servlet.multipart.max-file-size）"
                : "The upload is larger than allowed (limit: spring.servlet.multipart.max-file-size)", "file", null, r);
        answer.getBody().setProperty("limit", "spring.servlet.multipart.max-file-size");
        return answer;
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e, HttpServletRequest r) {
        return problem(HttpStatus.BAD_REQUEST, "The upload could not be read as multipart form data", "file", null, r);
    }

    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(Exception e, HttpServletRequest r) {
        return problem(HttpStatus.BAD_REQUEST, "The request body could not be read", null, null, r);
    }

    /**
     * The database is away (stopped, restarting, unreachable, or the breaker of {@link DatabaseAvailability} is
     * open): 503 with Retry-After and a plain sentence; no SQL, no stack, one log line without the trace.
     */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class, RecoverableDataAccessException.class, CannotCreateTransactionException.class,
            TransactionSystemException.class})
    ResponseEntity<ProblemDetail> databaseAway(Exception e, HttpServletRequest r) {
        log.warn("{} {} answered 503: database unavailable ({})", r.getMethod(), r.getRequestURI(), e.getClass().getSimpleName());
        return api(DATABASE_AWAY.get(), r);
    }

    public static final java.util.function.Supplier<ApiException> DATABASE_AWAY = () -> ApiException.unavailable(
            "The database is unavailable right now; try again in a few seconds.", "数据库暂时不可用，请几秒后重试。", 5);

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest r) {
        if (clientGone(e)) {
            // the client closed the connection (timeout, navigation): nothing can be answered, nothing went wrong here
            log.debug("{} {}: client gone while answering", r.getMethod(), r.getRequestURI());
            return null;
        }
        if (DatabaseAvailability.isConnectionFailure(e)) return databaseAway(e, r);
        log.error("Unexpected error on {} {}", r.getMethod(), r.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", null, null, r);
    }

    /** A write to a connection the client has closed: Tomcat's ClientAbortException, a broken pipe or reset. */
    static boolean clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals("org.apache.catalina.connector.ClientAbortException")) return true;
            if (t instanceof java.io.IOException && t.getMessage() != null
                    && (t.getMessage().contains("Broken pipe") || t.getMessage().contains("Connection reset"))) return true;
        }
        return false;
    }

    /**
     * An RFC 9457 problem as Spring's {@link ProblemDetail}: type {@code about:blank}, the status's reason phrase as
     * title, the detail, the request path as instance, and — when known — the offending {@code parameter} and its
     * {@code value} (cut to 200 characters) as extension members.
     */
    public static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String detail, String parameter,
                                                        String value, HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(HttpStatus.valueOf(status.value()).getReasonPhrase());
        if (parameter != null) body.setProperty("parameter", parameter);
        if (value != null) body.setProperty("value", value.length() > 200 ? value.substring(0, 200) + "…" : value);
        instance(body, request.getRequestURI());
        return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(body);
    }

    /** Sets {@code instance} to the path; a path that is no valid URI reference (raw, as the client sent it) is left out. */
    static void instance(ProblemDetail body, String path) {
        try {
            body.setInstance(URI.create(path));
        } catch (IllegalArgumentException notAUri) {
            body.setInstance(null);
        }
    }
}
