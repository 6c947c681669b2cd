using System.Text;
using PcapDiff.Core.Normalization;

namespace PcapDiff.Core.Tests.Normalization;

/// <summary>Previews must be short, quoted and safe to print on any terminal.</summary>
public sealed class PayloadPreviewTests
{
    [Fact]
    public void Should_quote_printable_text_and_escape_the_newline_When_the_payload_is_a_short_line()
    {
        Assert.Equal("\"hoge\\n\"", Format("hoge\n"));
    }

    [Fact]
    public void Should_write_hex_escapes_When_the_payload_has_control_bytes_and_escape()
    {
        byte[] payload = [0x00, 0x1b, (byte)'[', (byte)'3', (byte)'1', (byte)'m', 0x07, 0x7f, 0xff];

        Assert.Equal("\"\\x00\\x1b[31m\\x07\\x7f\\xff\"", PayloadPreview.Format(payload, payload.Length));
    }

    [Fact]
    public void Should_use_c_escapes_When_the_payload_has_tab_return_and_newline()
    {
        Assert.Equal("\"a\\tb\\r\\n\"", Format("a\tb\r\n"));
    }

    [Fact]
    public void Should_escape_quotes_and_backslashes_When_the_payload_contains_them()
    {
        Assert.Equal("\"say \\\"hi\\\" C:\\\\\"", Format("say \"hi\" C:\\"));
    }

    [Fact]
    public void Should_show_sixteen_bytes_and_an_ellipsis_When_the_payload_is_longer()
    {
        byte[] payload = Encoding.ASCII.GetBytes("0123456789abcdefXYZ");

        Assert.Equal("\"0123456789abcdef\"…", PayloadPreview.Format(payload, payload.Length));
    }

    [Fact]
    public void Should_add_no_ellipsis_When_the_payload_is_exactly_sixteen_bytes()
    {
        Assert.Equal("\"0123456789abcdef\"", Format("0123456789abcdef"));
    }

    [Fact]
    public void Should_add_an_ellipsis_When_the_capture_holds_fewer_bytes_than_the_wire_carried()
    {
        Assert.Equal("\"ho\"…", PayloadPreview.Format("ho"u8, 5));
    }

    [Fact]
    public void Should_never_contain_a_raw_control_character_When_formatting_any_byte()
    {
        for (int value = 0; value < 256; value++)
        {
            string preview = PayloadPreview.Format([(byte)value], 1);

            Assert.DoesNotContain(preview, c => c < 0x20 || c > 0x7e);
        }
    }

    [Fact]
    public void Should_escape_escape_When_a_dns_name_contains_it()
    {
        Assert.Equal("evil\\x1b[31m.test", PayloadPreview.EscapeText("evil\u001b[31m.test"));
    }

    [Fact]
    public void Should_return_the_text_unchanged_When_it_is_clean()
    {
        Assert.Equal("collector.test", PayloadPreview.EscapeText("collector.test"));
    }

    [Fact]
    public void Should_escape_backslashes_and_non_ascii_When_escaping_text()
    {
        Assert.Equal("a\\\\b\\xe9\\u2028", PayloadPreview.EscapeText("a\\b\u00e9\u2028"));
    }

    private static string Format(string text)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        return PayloadPreview.Format(bytes, bytes.Length);
    }
}
