using PcapDiff.Core.Normalization;
using PcapDiff.Core.Tests.Builders;

namespace PcapDiff.Core.Tests.Normalization;

/// <summary>The DNS parser reads what the diff needs and gives up quietly on anything else.</summary>
public sealed class DnsMessageTests
{
    [Fact]
    public void Should_read_the_question_When_parsing_a_query()
    {
        var dns = DnsMessage.TryParse(DnsWire.Query(0xbeef, "Collector.TEST"));

        Assert.NotNull(dns);
        Assert.Equal(0xbeef, dns.Id);
        Assert.False(dns.IsResponse);
        Assert.Equal("collector.test", dns.QueryName);
        Assert.Equal(DnsWire.TypeA, dns.QueryType);
        Assert.Empty(dns.AnswerTypes);
    }

    [Fact]
    public void Should_follow_the_compression_pointer_When_an_answer_names_the_question()
    {
        var dns = DnsMessage.TryParse(DnsWire.Answer(1, "collector.test", "192.0.2.1", "192.0.2.2"));

        Assert.NotNull(dns);
        Assert.True(dns.IsResponse);
        Assert.Equal(0, dns.ResponseCode);
        Assert.Equal([DnsWire.TypeA, DnsWire.TypeA], dns.AnswerTypes);
        Assert.Equal(["collector.test", "collector.test"], dns.Addresses.Select(a => a.Name));
        Assert.Equal([192, 0, 2, 1], dns.Addresses[0].Address);
        Assert.Equal([192, 0, 2, 2], dns.Addresses[1].Address);
    }

    [Fact]
    public void Should_read_the_response_code_When_the_name_does_not_exist()
    {
        var dns = DnsMessage.TryParse(DnsWire.Error(1, "nosuch.test", rcode: 3));

        Assert.NotNull(dns);
        Assert.Equal(3, dns.ResponseCode);
        Assert.Equal("NXDOMAIN", DnsMessage.ResponseCodeName(dns.ResponseCode));
    }

    [Fact]
    public void Should_return_null_When_a_pointer_points_at_itself()
    {
        byte[] loop = [0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 12, 0, 1, 0, 1];

        Assert.Null(DnsMessage.TryParse(loop));
    }

    [Theory]
    [InlineData((ushort)1, "A")]
    [InlineData((ushort)28, "AAAA")]
    [InlineData((ushort)65, "HTTPS")]
    [InlineData((ushort)999, "TYPE999")]
    public void Should_name_the_record_type_When_formatting_it(ushort type, string expected)
    {
        Assert.Equal(expected, DnsMessage.TypeName(type));
    }
}
