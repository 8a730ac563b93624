/// feedparser's `_start_*` / `_end_*` handler names this builder implements.
enum FeedHandler: String, CaseIterable {
    case abstract, author, body, category, channel, content, content_encoded, contributor, copyright, created, dc_author, dc_creator, dc_date, dc_description, dc_language, dc_publisher, dc_rights, dc_subject, dc_title, dcterms_created, dcterms_issued, dcterms_modified, description, email, enclosure, entry, expirationdate, feed, feedburner_browserfriendly, fullitem, generator, guid, height, homepage, id, image, info, issued, item, itunes_author, itunes_category, itunes_email, itunes_image, itunes_keywords, itunes_link, itunes_name, itunes_owner, itunes_subtitle, itunes_summary, keywords, language, lastbuilddate, link, managingeditor, media_category, media_content, media_credit, media_description, media_group, media_keywords, media_license, media_player, media_rating, media_restriction, media_thumbnail, media_title, modified, name, newlocation, pubdate, published, rights, rss, source, subtitle, summary, tagline, tags, textinput, title, ttl, updated, uri, url, webmaster, width, xhtml_body

    /// Handler by method name (`prefix_suffix`), one hash lookup.
    static let byName: [String: FeedHandler] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
}
