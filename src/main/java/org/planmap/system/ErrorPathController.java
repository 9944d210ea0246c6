package org.planmap.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's {@code BasicErrorController} at {@code /error}. Requested directly (any method), the
 * path is not a resource: 404, as for any unknown path. Reached by the servlet container's error forward (an
 * error a filter or the container raised outside Spring MVC), it answers that error's status as
 * {@code application/problem+json} without a stack or exception text.
 */
@RestController
class ErrorPathController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer status) || request.getDispatcherType() != jakarta.servlet.DispatcherType.ERROR) {
            return ProblemHandler.problem(HttpStatus.NOT_FOUND, "No such resource: " + request.getRequestURI(), null, null, request);
        }
        HttpStatus known = HttpStatus.resolve(status);
        HttpStatus answer = known == null || status < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : known;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detail = answer.is5xxServerError() ? "Internal error" : answer.getReasonPhrase();
        ResponseEntity<ProblemDetail> problem = ProblemHandler.problem(answer, detail, null, null, request);
        if (uri != null) ProblemHandler.instance(problem.getBody(), uri.toString());
        return problem;
    }
}
