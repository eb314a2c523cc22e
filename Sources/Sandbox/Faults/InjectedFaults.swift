import Hummingbird

/// The answers of faults that come from outside the API.
enum InjectedFaults {
    struct ConnectionCut: Error {}

    /// What a proxy in front of the API sends when it loses the API's answer: HTML, none of the
    /// API's headers (contract §11 says to treat it as a retryable transport failure).
    static func badGateway() -> Response {
        let html = """
            <html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r
            <hr><center>nginx</center>\r\n</body>\r\n</html>\r\n
            """
        var headers = HTTPFields()
        headers[HTTPHeaders.contentType] = "text/html"
        return Response(status: .badGateway, headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: Array(html.utf8))))
    }

    /// The answer's head and the first half of its body, then the connection drops: the
    /// `Content-Length` promises more than ever arrives.
    static func cutOff(_ response: Response, body: [UInt8]) -> Response {
        var cut = response
        let half = Array(body.prefix(body.count / 2))
        cut.body = ResponseBody(contentLength: body.count) { writer in
            try await writer.write(ByteBuffer(bytes: half))
            // Thrown from the body writer, this makes Hummingbird close the connection.
            throw ConnectionCut()
        }
        return cut
    }
}
