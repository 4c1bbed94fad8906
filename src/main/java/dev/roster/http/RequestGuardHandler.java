package dev.roster.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeUnit;

/**
 * Guards one HTTP/1 connection between Netty's codec and Vert.x, where a request's head is seen
 * before its body is framed:
 *
 * <ul>
 *   <li><b>Framing.</b> A head {@link RequestFramingPolicy} refuses is handed to Vert.x as an
 *       undecodable request (its invalid-request handler answers in the error envelope) marked
 *       {@code Connection: close} and completed at once; every byte after it on the connection
 *       (its body, and whatever request was hidden in it) is dropped unread, so nothing smuggled
 *       is ever answered.
 *   <li><b>Whole-request deadline.</b> From a request's first byte to its last (headers and body
 *       together) at most {@code timeoutMillis} may pass; a trickled request is answered 408 in the
 *       envelope and the connection closed (only closed when an answer is already on its way, so
 *       no answer is ever interleaved). Each byte does not re-arm it, unlike the idle timeout.
 * </ul>
 *
 * <p>Threading: every method runs on the connection's event loop (Netty's contract), so the
 * state needs no synchronisation.
 */
final class RequestGuardHandler extends ChannelDuplexHandler {
  private static final ClosedChannelException CLOSED = new ClosedChannelException();

  static {
    CLOSED.setStackTrace(new StackTraceElement[0]);
  }

  private final long timeoutNanos;
  private ScheduledFuture<?> deadline;
  private long startedNanos;
  private boolean receiving;
  private boolean headForwarded;
  private int unanswered;
  private boolean responseOpen;
  private boolean discardInbound;
  private boolean discardOutbound;

  RequestGuardHandler(long timeoutMillis) {
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
  }

  /**
   * Whether the request just forwarded is the only one open on the connection: no earlier one
   * is still being answered, nothing is being discarded. A handler after this one may then
   * answer it itself without overtaking another answer.
   */
  boolean onlyOpenRequest() {
    return unanswered == 1 && !responseOpen && !discardInbound && !discardOutbound;
  }

  /** Bytes arrived from the peer (seen before decoding): a new request starts its clock. */
  void bytesArrived(ChannelHandlerContext ctx) {
    if (!receiving && !discardInbound) {
      startRequest(ctx);
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (discardInbound) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (msg instanceof HttpRequest request) {
      if (!receiving) {
        startRequest(ctx);
      }
      headForwarded = true;
      unanswered++;
      if (request.decoderResult().isSuccess() && refused(ctx, request)) {
        return;
      }
    }
    if (msg instanceof LastHttpContent) {
      endRequest();
    }
    ctx.fireChannelRead(msg);
  }

  /** Hands a refused head to Vert.x as complete and undecodable; drops all that follows. */
  private boolean refused(ChannelHandlerContext ctx, HttpRequest request) {
    ApiError violation = RequestFramingPolicy.violation(request);
    if (violation == null) {
      if (RequestFramingPolicy.servedAs11(request)) {
        request.setProtocolVersion(HttpVersion.HTTP_1_1);
      }
      return false;
    }
    discardInbound = true;
    endRequest();
    request.setProtocolVersion(HttpVersion.HTTP_1_1);
    request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    request.setDecoderResult(DecoderResult.failure(violation));
    ctx.fireChannelRead(request);
    if (!(request instanceof LastHttpContent)) {
      ctx.fireChannelRead(LastHttpContent.EMPTY_LAST_CONTENT);
    }
    return true;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (discardOutbound) {
      ReferenceCountUtil.release(msg);
      promise.tryFailure(CLOSED);
      return;
    }
    if (msg instanceof HttpResponse response
        && response.status().code() != HttpResponseStatus.CONTINUE.code()) {
      responseOpen = true;
    }
    if (msg instanceof LastHttpContent && responseOpen) {
      responseOpen = false;
      unanswered--;
    }
    ctx.write(msg, promise);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    cancelDeadline();
    super.channelInactive(ctx);
  }

  /**
   * A request starts arriving. Its deadline is checked by a timer the connection keeps armed
   * while requests arrive, not by one scheduled and cancelled per request: when the timer fires
   * it re-arms itself for what is left of the open request's time, if any.
   */
  private void startRequest(ChannelHandlerContext ctx) {
    receiving = true;
    headForwarded = false;
    startedNanos = System.nanoTime();
    if (deadline == null) {
      arm(ctx, timeoutNanos);
    }
  }

  private void endRequest() {
    receiving = false;
  }

  private void arm(ChannelHandlerContext ctx, long nanos) {
    deadline = ctx.executor().schedule(() -> expire(ctx), nanos, TimeUnit.NANOSECONDS);
  }

  private void cancelDeadline() {
    if (deadline != null) {
      deadline.cancel(false);
      deadline = null;
    }
  }

  /** The request is still arriving at its deadline: 408 when nothing else is being answered. */
  private void expire(ChannelHandlerContext ctx) {
    deadline = null;
    if (!receiving || !ctx.channel().isActive()) {
      return;
    }
    long left = timeoutNanos - (System.nanoTime() - startedNanos);
    if (left > 0) {
      // The request open now started after the one the timer was armed for.
      arm(ctx, left);
      return;
    }
    receiving = false;
    discardInbound = true;
    boolean answerable = !responseOpen && unanswered == (headForwarded ? 1 : 0);
    if (!answerable) {
      discardOutbound = true;
      ctx.close();
      return;
    }
    ctx.writeAndFlush(timeoutResponse()).addListener(ChannelFutureListener.CLOSE);
    discardOutbound = true;
  }

  private static FullHttpResponse timeoutResponse() {
    byte[] body =
        ErrorWriter.envelope(
                "REQUEST_TIMEOUT", "The request was not received in time; the connection is closed.")
            .getBytes();
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_TIMEOUT, Unpooled.wrappedBuffer(body));
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
        .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
        .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
        .set("Cache-Status", "roster; fwd=bypass");
    return response;
  }
}
