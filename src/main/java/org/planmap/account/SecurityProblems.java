package org.planmap.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.planmap.system.ProblemHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as the same {@code application/problem+json} bodies as every other error ({@link ProblemHandler}):
 * from the security filters (entry point, access-denied handler: URL rules and CSRF) and from method security
 * ({@code @PreAuthorize} throws inside the controller call, where this advice answers before the catch-all of
 * {@link ProblemHandler}). Anonymous → 401 "sign in"; signed in without the role → 403.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();
    private final JsonMapper json;

    public SecurityProblems(JsonMapper json) {
        this.json = json;
    }

    static final String SIGN_IN = "Sign in first: this needs a staff account";
    static final String SIGN_IN_ZH = "请先登录：此操作需要工作人员账号";
    static final String NO_ROLE = "Your account does not have the role this needs";
    static final String NO_ROLE_ZH = "您的账号没有此操作所需的角色";
    static final String CSRF = "Missing or wrong CSRF token: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header";
    static final String CSRF_ZH = "缺少或错误的 CSRF 令牌：请在 X-XSRF-TOKEN 请求头中发送 XSRF-TOKEN cookie 的值";

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> denied(AccessDeniedException e, HttpServletRequest request) {
        return signedIn() ? problem(HttpStatus.FORBIDDEN, NO_ROLE, NO_ROLE_ZH, request)
                : problem(HttpStatus.UNAUTHORIZED, SIGN_IN, SIGN_IN_ZH, request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Map<String, Object>> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        return problem(HttpStatus.UNAUTHORIZED, SIGN_IN, SIGN_IN_ZH, request);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        write(problem(HttpStatus.UNAUTHORIZED, SIGN_IN, SIGN_IN_ZH, request), response);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        if (e instanceof CsrfException) write(problem(HttpStatus.FORBIDDEN, CSRF, CSRF_ZH, request), response);
        else write(denied(e, request), response);
    }

    static boolean signedIn() {
        var a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && TRUST.isAuthenticated(a);
    }

    static ResponseEntity<Map<String, Object>> problem(HttpStatus status, String detail, String detailZh, HttpServletRequest request) {
        return ProblemHandler.problem(status, ProblemHandler.prefersChinese(request) ? detailZh : detail, null, null, request);
    }

    void write(ResponseEntity<Map<String, Object>> answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.getStatusCode().value());
        response.setContentType(ProblemHandler.PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(answer.getBody()));
    }
}
