#!/usr/bin/perl
# Baseline: what Debian's libsisimai-perl (Sisimai 4) says about each line of
# fixtures/bounces/corpus.tsv, compared with the corpus's `reason` column.
#
#   perl scripts/sisimai-corpus.pl [fixtures/bounces/corpus.tsv]
#
# Sisimai 4 classifies whole bounce mails; for a single pasted line the closest
# it offers is Sisimai::Reason->match(text) (message patterns, then the
# enhanced status code), preceded, when the line names a remote host that
# Sisimai knows (Sisimai::Rhost), by that host's table. Only the text column is
# given to Sisimai; codes are found in the text with Sisimai's own finders.
# Sisimai 4 reason names are mapped to Sisimai 5 names before comparing
# (mesgtoobig/exceedlimit -> emailtoolarge, toomanyconn -> ratelimited).
use strict;
use warnings;
use Sisimai;
use Sisimai::Reason;
use Sisimai::Rhost;
use Sisimai::SMTP::Reply;
use Sisimai::SMTP::Status;

package FakeData {
    # The few accessors Sisimai::Rhost::* read from a Sisimai::Data object.
    sub new { my ($c, %a) = @_; return bless {%a}, $c }
    sub rhost          { $_[0]{rhost} // '' }
    sub reason         { '' }
    sub replycode      { $_[0]{replycode} // '' }
    sub deliverystatus { $_[0]{deliverystatus} // '' }
    sub diagnosticcode { $_[0]{diagnosticcode} // '' }
}

my %v5 = (mesgtoobig => 'emailtoolarge', exceedlimit => 'emailtoolarge',
          toomanyconn => 'ratelimited', speeding => 'ratelimited');

my $file = shift // 'fixtures/bounces/corpus.tsv';
open my $fh, '<:encoding(UTF-8)', $file or die "$file: $!\n";
binmode STDOUT, ':encoding(UTF-8)';
my $header = <$fh>;
my ($n, $same, $undecided) = (0, 0, 0);
my %byreason;
while (my $line = <$fh>) {
    chomp $line;
    next if $line eq '';
    my ($text, $code, $enh, $ctx, $want) = split /\t/, $line;
    $text =~ s/\\n/\n/g;
    my $flat = $text; $flat =~ s/\s+/ /g;

    my $got = '';
    my ($host) = $flat =~ /(?:host|relay=|H=)\s*([A-Za-z0-9][A-Za-z0-9.-]+\.[A-Za-z]{2,})\s*\[/;
    if ($host && Sisimai::Rhost->match($host)) {
        my $d = FakeData->new(
            rhost          => lc $host,
            replycode      => Sisimai::SMTP::Reply->find($flat) // '',
            deliverystatus => Sisimai::SMTP::Status->find($flat) // '',
            diagnosticcode => $flat,
        );
        $got = eval { Sisimai::Rhost->get($d) } // '';
    }
    $got ||= Sisimai::Reason->match($flat) // '';
    $got = $v5{$got} // $got;
    $got ||= 'undefined';

    $n++;
    my $ok = $got eq $want ? 1 : 0;
    $same += $ok;
    $undecided++ if $got eq 'undefined';
    $byreason{$want}[0]++;
    $byreason{$want}[1] += $ok;
    my $short = length($flat) > 90 ? substr($flat, 0, 87).'...' : $flat;
    printf "%s\t%s\t%s\t%s\n", ($ok ? 'ok' : 'NO'), $want, $got, $short;
}
print "\nper expected reason (right/total):\n";
printf "  %-16s %d/%d\n", $_, $byreason{$_}[1] // 0, $byreason{$_}[0]
    for sort { $byreason{$b}[0] <=> $byreason{$a}[0] || $a cmp $b } keys %byreason;
printf "\nSisimai %s: reason right for %d of %d lines (%.1f%%); 'undefined' for %d\n",
    Sisimai->version, $same, $n, 100 * $same / $n, $undecided;
