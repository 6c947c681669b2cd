using System.Text;

namespace PcapDiff.Rendering.Terminal;

/// <summary>
/// Passes text through, dropping the spaces that layout leaves at the end of lines, so the report
/// pastes cleanly into tickets and diffs cleanly as a snapshot.
/// </summary>
internal sealed class LineTrimmingWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            int end = _line.Length;
            while (end > 0 && _line[end - 1] is ' ' or '\r')
            {
                end--;
            }

            inner.Write(_line.ToString(0, end));
            inner.Write('\n');
            _line.Clear();
        }
        else
        {
            _line.Append(value);
        }
    }

    public override void Flush()
    {
        inner.Write(_line.ToString());
        _line.Clear();
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }
}
