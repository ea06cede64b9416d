"""Request body parsers of the API: DRF's, except that JSON nested deeper than Python's
recursion limit (``[[[[…``) is a 400 instead of a RecursionError and a 500."""

from rest_framework.exceptions import ParseError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser


class SafeJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError("JSON 解析错误 - 嵌套层数过多。") from None


API_PARSERS = [SafeJSONParser, FormParser, MultiPartParser]
