package io.skald.app;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;

/**
 * Unknown paths and wrong methods answered the way Loki's router does: Go's plain-text 404 page,
 * and an empty 405, instead of Micronaut's JSON error documents.
 */
@Controller
public class RouteErrorsController {

  @Error(status = HttpStatus.NOT_FOUND, global = true)
  public HttpResponse<String> notFound(HttpRequest<?> request) {
    return HttpResponse.<String>status(HttpStatus.NOT_FOUND)
        .body("404 page not found\n")
        .contentType("text/plain; charset=utf-8");
  }

  @Error(status = HttpStatus.METHOD_NOT_ALLOWED, global = true)
  public HttpResponse<String> methodNotAllowed(HttpRequest<?> request) {
    return HttpResponse.<String>status(HttpStatus.METHOD_NOT_ALLOWED)
        .body("")
        .contentType("text/plain; charset=utf-8");
  }
}
