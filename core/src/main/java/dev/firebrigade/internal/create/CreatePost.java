package dev.firebrigade.internal.create;

import dev.firebrigade.ApiRequest;
import dev.firebrigade.error.UnexpectedResponseException;
import dev.firebrigade.internal.transport.Deadline;
import dev.firebrigade.internal.transport.Transport;
import io.vertx.core.Future;

import java.util.function.Function;

/**
 * A {@link Creatable} sent as one POST whose answer wraps the created item ({@code {"action": {...}}}): what every
 * case of the engine shares. A case says how to list, read and report its kind.
 *
 * @param <T> the item created
 * @param <A> the answer's body, which holds the item
 */
public abstract class CreatePost<T, A> implements Creatable<T> {
    private final Transport transport;
    private final ApiRequest request;
    private final Class<A> answerType;
    private final Function<A, T> unwrap;
    private final Function<T, String> idOf;
    private final String singular;
    private final CreateKey key;

    /**
     * @param idOf     the created item's ID (read without building its key: every create claims it)
     * @param singular what is created, for messages ("action"); {@link #plural()} adds an "s"
     * @param key      the draft's identity, as {@link Creatable#listed} reads a listed item's
     */
    protected CreatePost(Transport transport, ApiRequest request, Class<A> answerType, Function<A, T> unwrap,
                         Function<T, String> idOf, String singular, CreateKey key) {
        this.transport = transport;
        this.request = request;
        this.answerType = answerType;
        this.unwrap = unwrap;
        this.idOf = idOf;
        this.singular = singular;
        this.key = key;
    }

    @Override
    public final CreateKey key() {
        return key;
    }

    @Override
    public final String id(T item) {
        return idOf.apply(item);
    }

    @Override
    public final String plural() {
        return singular + "s";
    }

    @Override
    public final ApiRequest request() {
        return request;
    }

    /** Sends the POST once; an answer that holds no item with an ID is an {@link UnexpectedResponseException}. */
    @Override
    public final Future<T> post(Deadline deadline) {
        return transport.send(request, answerType, deadline).compose(answer -> {
            T created = answer == null ? null : unwrap.apply(answer);
            return created != null && id(created) != null ? Future.succeededFuture(created)
                    : Future.failedFuture(new UnexpectedResponseException(201, "the answer holds no " + singular,
                    "", request.method().name(), request.path(), null));
        });
    }
}
