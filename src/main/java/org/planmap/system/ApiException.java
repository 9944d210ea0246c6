package org.planmap.system;

import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, with the HTTP status it maps to. The one {@link ProblemHandler} turns it into
 * an {@code application/problem+json} body; {@code parameter} and {@code value} name what was wrong.
 */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String parameter;
    private final String value;

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

    public HttpStatus status() { return status; }
    public String parameter() { return parameter; }
    public String value() { return value; }
}
