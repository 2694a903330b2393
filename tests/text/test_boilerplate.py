"""The page furniture readers paste with an article (newslab.text._boilerplate), line by line.

Every line below is constructed for these tests: the forms are those seen on real pages
(bench/STRUCTURE_SHAPES.md), the words are invented (the town of Riverton).
"""

from __future__ import annotations

import pytest

from newslab import columns as C
from newslab.text import _boilerplate


@pytest.mark.parametrize(("line", "kind"), [
    ("Read more:", C.RELATED), ("RELATED STORIES", C.RELATED), ("Related: Riverton opens its tram line", C.RELATED),
    ("READ: Lakeside ferry to run at night", C.RELATED), ("Also Read: The council approves a budget", C.RELATED),
    ("Also READ  Riverton mill to reopen...", C.RELATED), ("FEATURED STORIES", C.RELATED), ("See all", C.RELATED),
    ("To read the full article click here.", C.RELATED), ("More Images", C.RELATED),
    ("Riverton mill to reopen in June - 31 mins ago", C.RELATED),
    ("Tips for the Riverton fair. Here is what to know - November 6, 2030", C.RELATED),
    ("ADVERTISEMENT", C.AD), ("Article continues after this advertisement", C.AD), ("Post Top Ad", C.AD),
    ("Support Provided By:", C.AD),
    ("Sign up for our newsletter", C.NEWSLETTER), ("Thank you. Please check your inbox to confirm.", C.NEWSLETTER),
    ("Subscribe to Riverton Weekly, our town newsletter for news you won't find elsewhere.", C.NEWSLETTER),
    ("Three years of reporting, funded by our readers — become a member now.", C.PROMO),
    ("Become a member Gift membership", C.PROMO), ("JOIN US ON TELEGRAM", C.PROMO),
    ("Follow our coverage of the fair on the @riverton_example channel.", C.PROMO),
    ("× You have 2 more free articles available this month. Subscribe today.", C.PROMO),
    ("Editor's note: This story was updated with the council's vote.", C.EDITOR_NOTE),
    ("More to come...", C.EDITOR_NOTE), ("This is a developing story and will be updated.", C.EDITOR_NOTE),
    ("This audio is created with AI assistance", C.AUDIO), ("Listen to this article", C.AUDIO),
    ("0:00 0:02:53 0:00", C.AUDIO),
    ("Source: Riverton Gazette, citing the council", C.SOURCE_LINE), ("Source", C.SOURCE_LINE),
    ("(NEWSWIRE- Northvale News Agency (NNA))", C.SOURCE_LINE), ("Northvale News Agency TOWN", C.SOURCE_LINE),
    ("The post Riverton mill reopens appeared first on Riverton Radio.", C.SOURCE_LINE),
    ("Authors", C.AUTHOR),
    ("1. Skip to content", C.BOILERPLATE), ("Skip navigation", C.BOILERPLATE), ("Share on LinkedIn", C.BOILERPLATE),
    ("Email This Link", C.BOILERPLATE), ("https://p.example.org/p/4AbCd", C.BOILERPLATE), ("Oops!", C.BOILERPLATE),
    ("Something went wrong.", C.BOILERPLATE), ("In this article:", C.BOILERPLATE), ("-", C.BOILERPLATE),
    ("0", C.BOILERPLATE), ("NEWSWIRE14052031000071011013ID1108000001", C.BOILERPLATE),
    ("Showing posts with label mill. Show all posts", C.BOILERPLATE), ("Post a Comment", C.BOILERPLATE),
    ("Powered by ExampleFeed", C.BOILERPLATE), ("top of page", C.BOILERPLATE),
    ("IE 11 is not supported. For an optimal experience visit our site on another browser.", C.BOILERPLATE),
    (" ".join(f"icon{k} chevron" for k in range(20)), C.BOILERPLATE),
    ("This website uses cookies.", C.BOILERPLATE), ("Riverton Weekly Like", C.BOILERPLATE),
    ("- Be the first of your friends!"[2:], C.BOILERPLATE), ("Audio By ExampleVoice", C.AUDIO),
    ("NewsThe Riverton PodcastMoney + TownCareer AdviceWorld", C.BOILERPLATE),
    # real set 5 of bench/README.md: comment boxes, breadcrumbs, topics, a local-news box, a repost's footer
    ("Please read our comment policy before commenting.", C.BOILERPLATE),
    ("Click to Read More and View Comments", C.BOILERPLATE), ("Click to Hide", C.BOILERPLATE),
    ("Home » News » Riverton votes to rebuild the bridge", C.BOILERPLATE), ("Key Topics", C.BOILERPLATE),
    ("Tags:", C.BOILERPLATE), ("Filed under", C.BOILERPLATE),
    ("Find out what’s happening in Riverton with free, real-time updates from Example Local.", C.NEWSLETTER),
    ("Your email address", C.NEWSLETTER), ("Let’s go!", C.NEWSLETTER),
    ("RELATED STORIES FROM KRVT ABOUT THE NORTHVALE DROUGHT:", C.RELATED),
    ("More: Lakeside ferry to run at night from June", C.RELATED),
    ("WATCH NEXT: Riverton's bridge, from the air", C.RELATED),
    ("This article originally appeared on Riverton Gazette: Stone bridge to close for two years", C.SOURCE_LINE),
    ("Town hall reporter Jo Example can be reached at jexample@gazette.example.org.", C.AUTHOR),
    # real set 6: search boxes, a server's error, age banners, disclaimers, follow links, comment rules,
    # newsletter boxes, a ticker's figure, a sponsored label
    ("Hi, what are you looking for?", C.BOILERPLATE), ("What are you looking for?", C.BOILERPLATE),
    ("Type to search", C.BOILERPLATE), ("top", C.BOILERPLATE),
    ("[an error occurred while processing this directive]", C.BOILERPLATE),
    ("This article is more than 11 years old", C.BOILERPLATE), ("This article is more than 2 months old", C.BOILERPLATE),
    ("The Gazette is not responsible for the content of external internet sites", C.BOILERPLATE),
    ("Click to follow", C.BOILERPLATE), ("Email the author | Follow on Twitter", C.BOILERPLATE),
    ("(Follow me on Twitter @jexample)", C.PROMO), ("Follow Jo Example on X @jexample", C.PROMO),
    ("Comments: Our rules", C.BOILERPLATE),
    ("We want our comments to be a lively and valuable part of our community - a place where readers can debate "
     "the issues of the day.", C.BOILERPLATE),
    ("Please report any comments that break our rules.", C.BOILERPLATE),
    ("Read the rules hereComments are closed on this article", C.BOILERPLATE),
    ("Comments are closed on this article.", C.BOILERPLATE),
    ("Get the latest news from gazette.example.org in your inbox.", C.NEWSLETTER),
    ("Sign up for our emails", C.NEWSLETTER), ("Sign up for our email alerts", C.NEWSLETTER),
    ("-0.9400", C.BOILERPLATE), ("+1.25%", C.BOILERPLATE), ("−3.1", C.BOILERPLATE),
    ("Gazette360 (Sponsored)", C.AD), ("Partner content", C.AD),
    # real set 8: paywall and channel appeals, comment forms, an age banner without "more than",
    # a video link, an update note, a "See also" link
    ("For access to this article please sign in or subscribe.", C.PROMO),
    ("Please log in or subscribe to read the full story.", C.PROMO),
    ("Never miss another Facebook post from the Gazette", C.PROMO),
    ("Connect with the Gazette! Subscribe to our channel Youtube and follow us on Twitter", C.PROMO),
    ("Riverton Gazette - your fastest source for breaking news! Read now.", C.PROMO),
    ("Leave a Reply", C.BOILERPLATE), ("Leave a comment", C.BOILERPLATE), ("Cancel reply", C.BOILERPLATE),
    ("Add Comment", C.BOILERPLATE),
    ("Your email address will not be published. Required fields are marked *", C.BOILERPLATE),
    ("Save my name, email, and website in this browser for the next time I comment.", C.BOILERPLATE),
    ("This site uses Akismet to reduce spam. Learn how your comment data is processed.", C.BOILERPLATE),
    ("This article is 3 years old", C.BOILERPLATE), ("This story is over a year old", C.BOILERPLATE),
    ("Watch a related video below:", C.RELATED), ("Watch the video below:", C.RELATED),
    ("See also  The bridge that Riverton forgot", C.RELATED),
    ("UPDATED (1557PST 8 November 2031): The link above now works.", C.EDITOR_NOTE),
    ("UPDATE: This story has a new headline.", C.EDITOR_NOTE),
    ("[Article updated May 11 at 15:00 with words from the mayor]", C.EDITOR_NOTE),
    ("Be the first to comment", C.BOILERPLATE), ("Story here.", C.SOURCE_LINE),
    # a style sheet left in the page
    ("@media screen and (max-width: 600px) {", C.BOILERPLATE), (".gmobile {", C.BOILERPLATE), ("}", C.BOILERPLATE),
    ("display: none;", C.BOILERPLATE),
    ("/ Front page / News", C.BOILERPLATE), ("Home / World / Europe", C.BOILERPLATE),
    ("· Gazette · Join", C.BOILERPLATE),
    # real sets 11 and 12
    ("You must log in to continue reading. Log in or subscribe today.", C.PROMO),
    ("Register for free to read more of the latest local news. It's easy and will only take a moment.", C.PROMO),
    ("This article is accessible to registered users, to continue reading please register for free.", C.PROMO),
    ("Support quality, independent, local journalism…that matters", C.PROMO),
    ("Do you want to respond to this article? If so, click here to submit your thoughts.", C.BOILERPLATE),
    ("For up to date watches and warnings, click here.", C.RELATED), ("News in brief", C.RELATED),
    ("Read the full article HERE.", C.RELATED), ("« Previous: How the bridge was built", C.RELATED),
    ("Next story: The tram returns", C.RELATED),
    ("gazette brd 070125 300x250", C.AD), ("-Advertisement-", C.AD), ("— ADVERTISEMENT —", C.AD),
    ("[email protected]", C.BOILERPLATE), ("Support The Riverton Gazette!", C.PROMO), ("Show Me More!", C.RELATED),
    ("Buy subscriptions, t-shirts and more from our shop right here!", C.PROMO),
    ("(This is an archive of the press release and has not been edited by our editors)", C.EDITOR_NOTE),
])
def test_each_form_of_page_furniture_has_its_kind(line, kind):
    assert _boilerplate.furniture(line) == kind


@pytest.mark.parametrize("line", [
    "Read together, the two reports show that the roof had leaked since 2019, Field said.",
    "Reading the company's accounts took the committee two weeks.",
    "Related events, from talks to a book fair, will run through the summer.",
    "Sources at the council said the repairs cost about 2 million dollars.",
    "Source material for the forecast came from the shipping companies, she said.",
    "Listen to the library's new audio guide at the front desk, Field said.",
    "Sign-up sheets for the reading groups are at the front desk.",
    "Advertisements for the reopening ran in the Riverton Gazette for a month.",
    "The foundation said it would support independent journalism in the region.",
    "Ukraine's future membership of the alliance was discussed, the mayor said.",
    "Following the reopening, the council thanked the builders.",
    "Share prices of the mill's owner rose by a tenth on Monday.",
    "- The council votes on tram fares on Thursday without any debate or any amendment from the floor at all",
    "Details: The night trams will run every 30 minutes.",
    "Home is where most of the volunteers met, at the old school hall.",
    "Click-and-collect orders rose by a third, the shop said.",
    "Topics on the agenda include the bridge, the tram and the budget.",
    "Tagged bags will be collected on Thursdays from next month.",
    "Let’s go back to the start, the mayor told the council.",
    "Related stories ran in the Gazette all week: the council read every one.",
    "More than 40 children joined the first reading group on Saturday morning.",
    "This article of the town charter has not been changed since 1920, Field said.",
    "What are you looking for in a new mayor? The Gazette asked readers.",
    "Top officials at the council said the repairs would take a year.",
    "The council is not responsible for the bridge, Field said.",
    "Comments made by the mayor on Monday were criticised by the union.",
    "We want our comments to be heard, the union said.",
    "Follow-up talks are planned for next week.",
    "Get the latest figures from the council before you vote, Field said.",
    "The mill's owner said the deal was sponsored by the town.",
    "This article is more than a list of repairs, Field said.",
    "Please sign the petition, the mayor told residents.",
    "Never miss a council meeting, Field told the new members.",
    "Leave a reply at the front desk, the notice said.",
    "Reading time at the library rose by a third, Field said.",
    "See also how the council voted in 2029, Field said.",
    "Update the map before the vote, the mayor said.",
    "Updated figures from the council show the bridge cost 2 million dollars more.",
    "Save the bridge, residents said at the meeting on Tuesday.",
    "This article is 3 pages long, the clerk said.",
    "Note: the council meets again on Tuesday; the vote is at noon.",
    "Story time at the library is on Saturdays.",
    "Poll: 3 battleground races are tight;",  # a headline that ends in a semicolon is not a style sheet
    "Mayor: the bridge will be rebuilt;",
    "Home/work balance was on the agenda, the council said.",
    "· The council votes on Tuesday on the bridge, the tram and the budget for next year",
    "Support for local journalism has fallen by a third, the report said.",
    "Registered users of the library can borrow ten books, the clerk said.",
    "Next year the council will vote on the tram again.",
    "Previous mayors had promised the bridge since 1990, Field said.",
    "Support the bridge, the mayor told the council!",
    "Support for the tram rose by a third.",
])
def test_body_sentences_that_start_like_furniture_are_not_furniture(line):
    assert _boilerplate.furniture(line) is None


@pytest.mark.parametrize(("line", "kind", "body"), [
    ("Press play to listen to this article Voiced by artificial intelligence. The town council met on Monday evening.",
     C.AUDIO, "The town council met on Monday evening."),
    ("Editor's note: This is a developing story and is being updated. The old paper mill burned down overnight.",
     C.EDITOR_NOTE, "The old paper mill burned down overnight."),
])
def test_notes_glued_before_the_first_sentence_are_found(line, kind, body):
    found, at = _boilerplate.glued(line)
    assert found == kind and line[at:] == body


def test_a_whole_line_note_is_not_split():
    assert _boilerplate.glued("Editor's note: This article was updated on May 15 with the council's vote.") is None
