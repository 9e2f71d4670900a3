"""StreamField blocks shared by the portal's free-form pages."""

from wagtail import blocks


class CalloutBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="titel")
    text = blocks.RichTextBlock(label="tekst", features=["bold", "italic", "link"])

    class Meta:
        icon = "help"
        label = "kader"
        template = "portal/blocks/callout.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label="tussentitel", form_classname="title", template="portal/blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(
        label="tekst", features=["bold", "italic", "link", "document-link", "ol", "ul", "h3"]
    )
    callout = CalloutBlock()
