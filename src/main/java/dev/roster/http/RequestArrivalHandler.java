package dev.roster.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Sits before the HTTP decoder and tells the connection's {@link RequestGuardHandler} when raw
 * bytes arrive, so a request's deadline starts at its first byte, while its headers are still
 * being trickled. Runs on the connection's event loop.
 */
final class RequestArrivalHandler extends ChannelInboundHandlerAdapter {
  private final RequestGuardHandler guard;
  private final ChannelHandlerContext guardContext;

  RequestArrivalHandler(RequestGuardHandler guard, ChannelHandlerContext guardContext) {
    this.guard = guard;
    this.guardContext = guardContext;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
      guard.bytesArrived(guardContext);
    }
    ctx.fireChannelRead(msg);
  }
}
