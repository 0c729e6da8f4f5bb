package io.cpor.portal.web;

import io.cpor.portal.client.ApiProblem;
import io.cpor.portal.security.SecurityConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * A page that could not be shown says why in the person's language: refused (403), not found (404), a service
 * unavailable (5xx). A token the API no longer accepts sends the person to sign in again.
 */
@ControllerAdvice
class Problems {

    @ExceptionHandler(ApiProblem.class)
    String api(ApiProblem problem, ServerWebExchange exchange, Model model) {
        if (problem.status() == 401) {
            return "redirect:/oauth2/authorization/" + SecurityConfiguration.REGISTRATION;
        }
        return page(problem.status() >= 500 ? 503 : problem.status(), problem.detail(), exchange, model);
    }

    @ExceptionHandler(ResponseStatusException.class)
    String status(ResponseStatusException refused, ServerWebExchange exchange, Model model) {
        return page(refused.getStatusCode().value(), refused.getReason(), exchange, model);
    }

    private static String page(int status, String detail, ServerWebExchange exchange, Model model) {
        HttpStatus code = HttpStatus.resolve(status) == null ? HttpStatus.BAD_GATEWAY : HttpStatus.resolve(status);
        exchange.getResponse().setStatusCode(code);
        model.addAttribute("status", code.value());
        model.addAttribute("kind", switch (code.value()) {
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 503 -> "unavailable";
            default -> "refused";
        });
        model.addAttribute("detail", detail);
        return "problem";
    }
}
