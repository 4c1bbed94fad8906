package dev.roster.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.net.SocketAddress;
import java.net.InetSocketAddress;

/**
 * One connection's fast lane for fresh cache hits, between the connection's {@link
 * RequestGuardHandler} and Vert.x: a decoded request that {@link FreshHits} can answer at once is
 * answered here and never reaches Vert.x; any other goes on untouched. A request is only taken
 * when it is the connection's one open request (nothing of Vert.x's is still being answered, so
 * pipelined answers keep their order) and the connection is writable (otherwise Vert.x's back
 * pressure decides). The answer goes through the same encoder and guard as Vert.x's, and is
 * flushed when the read batch ends, as Vert.x flushes its own.
 *
 * <p>Threading: Netty calls every method on the connection's event loop.
 */
final class FreshHitLane extends ChannelInboundHandlerAdapter {
  private static final System.Logger LOG = System.getLogger(FreshHitLane.class.getName());
  private final FreshHits hits;
  private final RequestGuardHandler guard;
  private ConnectionMemo memo;
  private boolean skipContent;
  private boolean unflushed;

  FreshHitLane(FreshHits hits, RequestGuardHandler guard) {
    this.hits = hits;
    this.guard = guard;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (skipContent && msg instanceof HttpContent) {
      // The (empty) end of a request answered here.
      skipContent = !(msg instanceof LastHttpContent);
      ReferenceCountUtil.release(msg);
      return;
    }
    if (msg instanceof HttpRequest request
        && request.decoderResult().isSuccess()
        && guard.onlyOpenRequest()
        && ctx.channel().isWritable()) {
      FullHttpResponse response;
      try {
        response = hits.answer(request, memo(ctx));
      } catch (RuntimeException unexpected) {
        // A defect here must not cost the request its answer: the regular path answers it.
        LOG.log(
            System.Logger.Level.ERROR,
            "fast lane failed (" + unexpected.getClass().getSimpleName()
                + "); the request was passed on to the regular path");
        response = null;
      }
      if (response != null) {
        skipContent = !(msg instanceof LastHttpContent);
        ReferenceCountUtil.release(msg);
        ctx.write(response, ctx.voidPromise());
        unflushed = true;
        return;
      }
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (unflushed) {
      unflushed = false;
      ctx.flush();
    }
    ctx.fireChannelReadComplete();
  }

  private ConnectionMemo memo(ChannelHandlerContext ctx) {
    if (memo == null) {
      memo =
          new ConnectionMemo(
              ctx.channel().remoteAddress() instanceof InetSocketAddress address
                  ? SocketAddress.inetSocketAddress(address)
                  : null);
    }
    return memo;
  }
}
