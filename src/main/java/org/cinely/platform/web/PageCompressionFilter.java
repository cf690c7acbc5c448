package org.cinely.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.zip.Deflater;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Compresses rendered HTML pages with gzip at deflate's fastest level. The server's own
 * compression (Tomcat's) always uses the default level 6, which cost about a sixth of a signed-in
 * home page's CPU (issue 15); level 1 is four times faster on our pages for a body about a sixth
 * larger (a 28 KB home: 4.1 KB at level 6, 4.8 KB at level 1), the trade nginx makes by default.
 * Every other body (CSS, scripts, JSON, playlists) is left to the server, which leaves alone a
 * body that is encoded already.
 *
 * <p>A page is held in memory until the request is done (they are rendered whole anyway), then
 * sent compressed with its length. Nothing else is held: whether to compress is decided when the
 * body is first asked for, by its type, so a stream (live events, video, a download) passes
 * straight through. A page for which an error is sent instead gets the error page, compressed by
 * the server as before.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageCompressionFilter extends OncePerRequestFilter {

    private final boolean enabled;

    PageCompressionFilter(@Value("${server.compression.enabled:false}") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!enabled || !PublicPageCacheFilter.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            chain.doFilter(request, response);
            return;
        }
        CompressingResponse compressing = new CompressingResponse(response);
        chain.doFilter(request, compressing);
        compressing.finish();
    }

    /** The response as the application sees it: an HTML body goes to a buffer, the rest through. */
    static final class CompressingResponse extends HttpServletResponseWrapper {

        private enum Decision {
            UNDECIDED,
            COMPRESS,
            PASS
        }

        private Decision decision = Decision.UNDECIDED;
        private ByteArrayOutputStream buffer;
        private ServletOutputStream stream;
        private PrintWriter writer;
        private long contentLength = -1;

        CompressingResponse(HttpServletResponse response) {
            super(response);
        }

        private HttpServletResponse response() {
            return (HttpServletResponse) getResponse();
        }

        /** Decided once, when the body (or its length) is first given: by then its type is set. */
        private boolean compressing() {
            if (decision == Decision.UNDECIDED) {
                String type = getContentType();
                int status = getStatus();
                boolean compress = type != null
                        && type.startsWith("text/html")
                        && status >= 200
                        && status != SC_NO_CONTENT
                        && status != SC_NOT_MODIFIED
                        && !isCommitted()
                        && response().getHeader(HttpHeaders.CONTENT_ENCODING) == null
                        && response().getHeader(HttpHeaders.CONTENT_RANGE) == null;
                decision = compress ? Decision.COMPRESS : Decision.PASS;
                if (compress) {
                    buffer = new ByteArrayOutputStream(32 * 1024);
                    response().addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
                } else if (contentLength >= 0) {
                    response().setContentLengthLong(contentLength);
                }
            }
            return decision == Decision.COMPRESS;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (!compressing()) {
                return super.getOutputStream();
            }
            if (stream == null) {
                stream = new BufferStream(buffer);
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (!compressing()) {
                return super.getWriter();
            }
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(buffer, Charset.forName(getCharacterEncoding())));
            }
            return writer;
        }

        // The length of the page as written is not the length sent: kept until the decision.
        @Override
        public void setContentLength(int length) {
            setContentLengthLong(length);
        }

        @Override
        public void setContentLengthLong(long length) {
            if (decision == Decision.UNDECIDED) {
                contentLength = length;
            } else if (decision == Decision.PASS) {
                super.setContentLengthLong(length);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (isContentLength(name)) {
                setContentLengthLong(Long.parseLong(value));
            } else {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (isContentLength(name)) {
                setContentLengthLong(Long.parseLong(value));
            } else {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setIntHeader(String name, int value) {
            if (isContentLength(name)) {
                setContentLengthLong(value);
            } else {
                super.setIntHeader(name, value);
            }
        }

        @Override
        public void addIntHeader(String name, int value) {
            if (isContentLength(name)) {
                setContentLengthLong(value);
            } else {
                super.addIntHeader(name, value);
            }
        }

        private static boolean isContentLength(String header) {
            return HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(header);
        }

        /** Held until the request is done: a flush must not send half a compressed page. */
        @Override
        public void flushBuffer() throws IOException {
            if (decision != Decision.COMPRESS) {
                super.flushBuffer();
            }
        }

        @Override
        public void resetBuffer() {
            if (decision == Decision.COMPRESS) {
                flushWriter();
                buffer.reset();
            } else {
                super.resetBuffer();
            }
        }

        @Override
        public void reset() {
            super.reset(); // headers too: the encoding is decided afresh for what comes next
            decision = Decision.UNDECIDED;
            buffer = null;
            stream = null;
            writer = null;
            contentLength = -1;
        }

        @Override
        public void sendError(int status) throws IOException {
            abandon();
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            abandon();
            super.sendError(status, message);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            abandon();
            super.sendRedirect(location);
        }

        /** The error page (or a redirect) replaces this body: sent as the server would send it. */
        private void abandon() {
            decision = Decision.PASS;
            buffer = null;
        }

        /** Sends the held page, compressed, with its length; nothing if none was held. */
        void finish() throws IOException {
            if (decision != Decision.COMPRESS || buffer == null || isCommitted()) {
                return;
            }
            flushWriter();
            byte[] gzipped = Gzip.compress(buffer.toByteArray(), Deflater.BEST_SPEED);
            HttpServletResponse response = response();
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            response.setContentLength(gzipped.length);
            response.getOutputStream().write(gzipped);
        }

        private void flushWriter() {
            if (writer != null) {
                writer.flush();
            }
        }
    }

    /** The page's bytes, held. */
    private static final class BufferStream extends ServletOutputStream {

        private final ByteArrayOutputStream buffer;

        BufferStream(ByteArrayOutputStream buffer) {
            this.buffer = buffer;
        }

        @Override
        public void write(int b) {
            buffer.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            buffer.write(bytes, offset, length);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("a page held for compression is written blocking");
        }
    }
}
