package dev.firebrigade.sandbox;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Registers API routes by their spec path template ({@code /v2/actions/{id}}), so that every route knows its
 * operation for contract checks, request bodies are checked before the handler runs, and an
 * {@link ApiException} thrown anywhere in a handler becomes the documented error answer.
 */
final class Endpoints {
    private final Router router;
    private final Replies replies;
    private final ContractCheck contract;

    Endpoints(Router router, Replies replies, ContractCheck contract) {
        this.router = router;
        this.replies = replies;
        this.contract = contract;
    }

    void add(HttpMethod method, String template, Handler<RoutingContext> handler) {
        var vertxPath = template.replaceAll("\\{([a-z_]+)}", ":$1");
        router.route(method, vertxPath).handler(ctx -> {
            ctx.put(Sandbox.TEMPLATE, template);
            try {
                if (contract != null && (method == HttpMethod.POST || method == HttpMethod.PUT)) {
                    var body = Requests.jsonObjectOrNull(ctx);
                    // A body that is not a JSON object gets the handler's 400; there is no schema to hold it against.
                    if (body != null) {
                        ctx.put(Sandbox.CONTRACT_REJECTION, contract.checkRequest(ctx, template, body));
                    }
                }
                handler.handle(ctx);
            } catch (ApiException error) {
                replies.error(ctx, error);
            }
        });
    }

    /**
     * Called by handlers that change state, after their own validation and before the change: a request body
     * that broke the contract is refused with 422 even where the handler's checks would have let it through.
     * The handler's own errors come first because they read like the real API's ("A description is required").
     */
    static void rejectIfContractBroken(RoutingContext ctx) {
        ApiException rejection = ctx.get(Sandbox.CONTRACT_REJECTION);
        if (rejection != null) {
            throw rejection;
        }
    }
}
