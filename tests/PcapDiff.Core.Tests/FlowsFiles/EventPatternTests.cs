using PcapDiff.Core.FlowsFiles;

namespace PcapDiff.Core.Tests.FlowsFiles;

public sealed class EventPatternTests
{
    [Theory]
    [InlineData("C→S DATA *B", "C→S DATA 5B \"hoge\\n\"")]
    [InlineData("C→S DATA 1..10B", "C→S DATA 5B \"hoge\\n\"")]
    [InlineData("C→S DATA 5B", "C→S DATA 5B \"hoge\\n\"")]
    [InlineData("S→C DATA *B \"HTTP/1.1 2\"…", "S→C DATA 5007B \"HTTP/1.1 200 OK\\r\"…")]
    [InlineData("C→S DGRAM ×* *B", "C→S DGRAM ×3 120B \"abc\"…")]
    [InlineData("C→S DNS query * collector.test", "C→S DNS query AAAA collector.test")]
    [InlineData("C→S DATA 5B \"ho\"…", "C→S DATA 5B \"hoge\\n\"")]
    public void Should_match_When_the_text_is_within_the_pattern(string pattern, string text)
    {
        Assert.True(EventPattern.IsPattern(pattern));
        Assert.True(EventPattern.Matches(pattern, text));
    }

    [Theory]
    [InlineData("C→S DATA *B", "S→C DATA 5B \"hoge\\n\"")]
    [InlineData("C→S DATA 1..4B", "C→S DATA 5B \"hoge\\n\"")]
    [InlineData("S→C DATA *B \"HTTP/1.1 4\"…", "S→C DATA 5007B \"HTTP/1.1 200 OK\\r\"…")]
    [InlineData("C→S DATA *B \"hoge\\n\"", "C→S DATA 5B \"hogf\\n\"")]
    [InlineData("C→S DNS query * collector.test", "C→S DNS query A other.test")]
    [InlineData("C→S DATA *B", "C→S FIN")]
    public void Should_not_match_When_the_text_is_outside_the_pattern(string pattern, string text)
    {
        Assert.False(EventPattern.Matches(pattern, text));
    }

    [Theory]
    [InlineData("C→S SYN")]
    [InlineData("C→S DATA 5B \"hoge\\n\"")]
    [InlineData("S→C DNS response NOERROR A collector.test (answers: A)")]
    [InlineData("S→C DATA 5007B \"HTTP/1.1 200 OK\\r\"…")]
    public void Should_not_be_a_pattern_When_the_text_is_what_the_writer_writes_for_short_payloads(string text)
    {
        Assert.False(EventPattern.IsPattern(text));
    }

    [Theory]
    [InlineData("5B", true)]
    [InlineData("*B", true)]
    [InlineData("100..200B", true)]
    [InlineData("B", false)]
    [InlineData("5", false)]
    [InlineData("1..B", false)]
    public void Should_accept_only_byte_counts_When_checking_a_length(string token, bool valid)
    {
        Assert.Equal(valid, EventPattern.IsLength(token));
    }
}
