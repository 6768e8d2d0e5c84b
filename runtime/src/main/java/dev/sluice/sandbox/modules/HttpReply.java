package dev.sluice.sandbox.modules;

import java.util.List;
import java.util.Map;

/**
 * One HTTP response as read from the wire.
 *
 * @param status the status code
 * @param statusText the reason phrase (may be empty)
 * @param rawHeaders header name/value pairs in arrival order, names as sent
 * @param body the body, decoded from chunked transfer coding (and from gzip/deflate when asked)
 * @param decoded whether a gzip/deflate content coding was removed from {@code body}
 */
record HttpReply(int status, String statusText, List<Map.Entry<String, String>> rawHeaders, byte[] body,
                 boolean decoded) {
}
