//! The English words of every text.

use super::Text;

pub(super) fn english(text: Text) -> &'static str {
    match text {
        Text::AppName => "Tally",
        Text::SkipToContent => "Skip to content",
        Text::MainNavigation => "Main",
        Text::NavStart => "Start",
        Text::NavHome => "Home",
        Text::NavMembers => "Members",
        Text::NavRecord => "Record",
        Text::NavAbout => "About",
        Text::LanguageLabel => "Language",
        Text::WelcomeTitle => "Welcome to Tally",
        Text::WelcomeLead => {
            "Tally keeps your community timebank on this device: an hour of help is worth an hour, whoever gives it. It works with no signal and shares your records with other devices whenever there is a connection."
        }
        Text::WelcomeNoTimebank => "This device has no timebank yet. How would you like to start?",
        Text::CreateTimebank => "Create a timebank",
        Text::OpenFromFile => "Open a timebank from a file",
        Text::AboutTitle => "About Tally",
        Text::AboutIntro => {
            "In a timebank, members earn hours by helping neighbours and spend them to get help. One hour of help is worth one hour, whoever gives it."
        }
        Text::AboutDeviceTitle => "Your records live on your device",
        Text::AboutDevice => {
            "Tally keeps the whole timebank on every device that uses it, so you can record exchanges at a trading day in a hall with no signal. When a device is online again, it shares what it recorded and receives what others recorded, and every device ends up with the same balances."
        }
        Text::AboutHistoryTitle => "Nothing is ever edited away",
        Text::AboutHistory => {
            "An exchange, once recorded, is never changed or deleted. A mistake is put right by recording a reversal, so the history always adds up."
        }
        Text::NotFoundTitle => "Page not found",
        Text::NotFoundBody => {
            "There is no page at this address. Your timebank records are not affected."
        }
        Text::BackToStart => "Go to the start page",
        Text::CreateTitle => "Create a timebank",
        Text::CreateIntro => {
            "Name your timebank and yourself. You will be its first coordinator; you can add members straight away."
        }
        Text::TimebankNameLabel => "Name of the timebank",
        Text::TimebankNameHint => "For example: Riverside Timebank",
        Text::UnitLabelLabel => "What you call an hour",
        Text::UnitLabelHint => "Most timebanks say “hours”; some say “time credits”.",
        Text::DefaultUnit => "hours",
        Text::YourNameLabel => "Your name",
        Text::CreateSubmit => "Create the timebank",
        Text::OpenTitle => "Open a timebank from a file",
        Text::OpenIntro => {
            "A coordinator can save the timebank to a file on Tally’s Backup page and hand it to you. Choose that file here to open the timebank on this device."
        }
        Text::YourBalance => "Your balance",
        Text::RecentExchanges => "Your recent exchanges",
        Text::NoExchangesYet => "No exchanges yet.",
        Text::RecordAnExchange => "Record an exchange",
        Text::MembersTitle => "Members",
        Text::SearchMembersLabel => "Search by name, number or what they offer",
        Text::AddMemberTitle => "Add a member",
        Text::MemberNameLabel => "Name",
        Text::AddMemberSubmit => "Add member",
        Text::NoMembersMatch => "No member matches your search.",
        Text::MemberNumberShort => "No.",
        Text::Coordinator => "coordinator",
        Text::StatusApplicant => "applicant",
        Text::StatusAway => "away",
        Text::StatusLeft => "left",
        Text::RecordTitle => "Record an exchange",
        Text::StepWhoGave => "1. Who gave the help?",
        Text::StepWhatHappened => "1. What happened?",
        Text::IHelpedSomeone => "I helped someone",
        Text::SomeoneHelpedMe => "Someone helped me",
        Text::StepWhoDidYouHelp => "2. Who did you help?",
        Text::StepWhoHelpedYou => "2. Who helped you?",
        Text::ChooseWhatHappened => "Say whether you helped someone or someone helped you.",
        Text::StepWhoReceived => "2. Who received it?",
        Text::StepHowLong => "3. How long?",
        Text::ChooseMember => "Choose a member",
        Text::CommunityFund => "Community fund",
        Text::QuickHalfHour => "Add 30 min",
        Text::QuickOneHour => "Add 1 hour",
        Text::QuickTwoHours => "Add 2 hours",
        Text::DateLabel => "Date of the help",
        Text::DescriptionLabel => "What was done (optional)",
        Text::SlipLabel => "Paper slip number (optional)",
        Text::RecordSubmit => "Save the exchange",
        Text::BalancesAfter => "Balances after this exchange",
        Text::Saved => "Done.",
        Text::StorageFull => {
            "This device’s storage is full. Your latest changes are kept while Tally stays open, but are not saved: export the timebank to a file now."
        }
        Text::StorageUnavailable => {
            "Tally cannot save on this device right now. Your latest changes are kept while Tally stays open."
        }
        Text::StorageDamaged => {
            "The saved copy of a timebank on this device could not be opened. It has been kept aside, untouched."
        }
        Text::FloorWarning => {
            "This takes {name} below their lowest balance. You can still save it; a coordinator will see it."
        }
        Text::DownloadDamaged => "Download the damaged copy",
        Text::NavBackup => "Backup",
        Text::OpenChooseFile => "Timebank file",
        Text::OpenChooseHint => "A file whose name ends in .tally, from Tally’s Backup page.",
        Text::UnreadableFile => "This file could not be read as a timebank. Nothing was changed.",
        Text::WhoTitle => "Who is using this device?",
        Text::WhoIntro => "Choose yourself, so exchanges you record are in your name.",
        Text::BackupTitle => "Backup and sharing",
        Text::ExportHeading => "Save to a file",
        Text::ExportIntro => {
            "Keep a copy of the whole timebank, or hand it to another device with no network: that device adds it from the file."
        }
        Text::ExportButton => "Download the timebank file",
        Text::MergeHeading => "Add from a file",
        Text::MergeIntro => {
            "Adds what another device recorded. Nothing here is replaced or removed."
        }
        Text::MergeAdded => "Added {members}, {exchanges}, {listings} and {events}.",
        Text::DifferentTimebank => {
            "This file holds another timebank ({name}); it cannot be added to this one. Nothing was changed."
        }
        Text::NewerFile => {
            "This file was saved by a newer version of Tally. Update Tally to open it."
        }
        Text::ExchangeTitle => "Exchange",
        Text::GaveHelp => "Gave the help",
        Text::ReceivedHelp => "Received it",
        Text::HowLong => "How long",
        Text::StatusLabel => "Status",
        Text::SignatureLabel => "Signature",
        Text::SealVerified => "Signed by a certified device of the person who recorded it",
        Text::SealSigned => "Signed by the device that recorded it",
        Text::SealSigning => "Being signed by this device",
        Text::SealBeforeFounding => {
            "Recorded before this timebank's devices were certified: it counts as it was then"
        }
        Text::SealNotSigned => {
            "Not signed: recorded before Tally signed entries, or on a device that cannot sign"
        }
        Text::StatusPending => "waiting for confirmation",
        Text::StatusConfirmed => "confirmed",
        Text::StatusRejected => "rejected",
        Text::RecordedBy => "Recorded by {name} on {date}",
        Text::HistoryHeading => "History",
        Text::LogConfirm => "{name} confirmed it on {date}",
        Text::LogReject => "{name} rejected it on {date}",
        Text::LogOverrideConfirm => "{name} (coordinator) confirmed it on {date}",
        Text::LogOverrideReject => "{name} (coordinator) rejected it on {date}",
        Text::ReversedBy => "Put right by a reversal on {date}",
        Text::IsReversal => "This reversal puts right an earlier exchange.",
        Text::ConfirmButton => "Confirm",
        Text::RejectButton => "Reject",
        Text::ReverseButton => "Reverse this exchange",
        Text::ReasonLabel => "Reason (optional)",
        Text::WaitingForYou => "Waiting for you to confirm",
        Text::ExchangeNotFound => "This exchange is not in the timebank.",
        Text::ViewExchange => "Details",
        Text::NavCoordinator => "Coordinator",
        Text::AttentionTitle => "Needs attention",
        Text::AttentionIntro => {
            "What a coordinator should look at, worked out again after every change and every merge. Resolving an item is recorded, so it is resolved on every device."
        }
        Text::AttentionEmpty => "Nothing needs attention.",
        Text::ResolveButton => "Mark as dealt with",
        Text::ResolveNoteLabel => "What was done (optional)",
        Text::OverLimitWhat => "{name} reached {balance}, past their {limit} limit of {amount}.",
        Text::LimitLowest => "lowest",
        Text::LimitHighest => "highest",
        Text::OverLimitDo => "Talk to the member, change their limit, or reverse the exchange.",
        Text::DuplicateSlipWhat => {
            "Paper slip {number} was entered {count} times, on the same device."
        }
        Text::DuplicateSlipOtherDevices => {
            "Paper slip {number} was entered {count} times, on different devices."
        }
        Text::DuplicateSlipDo => "Check the slip and reverse the extra entries.",
        Text::SuspectedDuplicateWhat => {
            "{count} exchanges with the same people, time and date were recorded on different devices."
        }
        Text::SuspectedDuplicateDo => {
            "If it is the same help recorded twice, reverse the extra entry; otherwise mark it as dealt with."
        }
        Text::DuplicateNumberWhat => "{count} members have number {number}.",
        Text::DuplicateNumberDo => "Give all but one of them a new number.",
        Text::OverdueWhat => "An exchange has waited too long for {name} to confirm it.",
        Text::OverdueDo => "Ask them, or confirm or reject it yourself.",
        Text::DisputedWhat => "{name} rejected an exchange.",
        Text::DisputedDo => "Talk to both people, then confirm or reject it as coordinator.",
        Text::NotForListing => "Not for this listing",
        Text::ForListingNotice => "For the listing “{title}”, posted by {name}.",
        Text::NoListingExchanges => "No exchanges recorded for it that you can see.",
        Text::ListingExchangesHeading => "Exchanges for this listing",
        Text::RecordForListing => "Record an exchange for this",
        Text::ListingEndedNote => "Ended on {date}: it no longer shows on the board.",
        Text::ListingWithdrawnNote => "Withdrawn: it no longer shows on the board.",
        Text::PostedByLabel => "Posted by",
        Text::FromListing => "Recorded for the listing",
        Text::UnitLabelOneHint => "For one: “time credit”. Leave it empty if it is the same word.",
        Text::UnitLabelOneLabel => "What you call one of them",
        Text::TimebankDetailsHeading => "The timebank",
        Text::CurrencyLabel => "Currency of cash amounts",
        Text::TimebankLanguageLabel => "Language of a new device (until its user chooses one)",
        Text::BrowsersLanguage => "The browser’s language",
        Text::RulesHeading => "Rules",
        Text::PrintablesTitle => "Slips and member cards",
        Text::PrintablesIntro => {
            "Paper for members without a phone: blank trading-day slips to fill in by hand, and a card for each active member with their number and a QR code of it."
        }
        Text::PrintWhatLegend => "What to print",
        Text::BlankSlips => "Blank slips",
        Text::MemberCards => "Member cards",
        Text::PrintThem => "Print",
        Text::SlipNumberBlank => "Slip No. ________",
        Text::DateBlank => "Date: ________________",
        Text::GaveBlank => "Who gave the help (name and No.): ________________",
        Text::ReceivedBlank => "Who received it (name and No.): ________________",
        Text::HowLongBlank => "How long: ________",
        Text::WhatBlank => "What was done: ________________________",
        Text::SignaturesBlank => "Signatures: ____________  ____________",
        Text::CardQrLabel => "QR code of member number {number}",
        Text::PrintSlipsLink => "Print blank slips and member cards.",
        Text::StatementPeriod => "From {from} to {to}",
        Text::StatementOf => "Statement of {name}, member No. {number}",
        Text::StatementPrintedOn => "Printed on {date}",
        Text::DownloadStatement => "Download as a spreadsheet (CSV)",
        Text::NeedAttention => "{count} things need attention",
        Text::NeedAttentionOne => "{count} thing needs attention",
        Text::AskedToJoin => "{count} people asked to join",
        Text::AskedToJoinOne => "{count} person asked to join",
        Text::PostForLabel => "Whose listing",
        Text::PostForMyself => "Mine",
        Text::CountMember => "{count} member",
        Text::CountMembers => "{count} members",
        Text::CountExchange => "{count} exchange",
        Text::CountExchanges => "{count} exchanges",
        Text::CountListing => "{count} listing",
        Text::CountListings => "{count} listings",
        Text::CountEvent => "{count} event",
        Text::CountEvents => "{count} events",
        Text::CountOpeningBalance => "{count} opening balance",
        Text::CountOpeningBalances => "{count} opening balances",
        Text::GaveReceivedLine => "{gave} helped {received}: {duration}",
        Text::EventNotFound => "This event is not in the timebank.",
        Text::EventIsCancelled => "This event is cancelled.",
        Text::OrganiserLabel => "Organised by",
        Text::NobodyComingYet => "Nobody has said they are coming yet.",
        Text::EventExchangesHeading => "Hours recorded for this event",
        Text::ChangeEventHeading => "Change this event",
        Text::CancelEventButton => "Cancel this event",
        Text::CancelEventQuestion => {
            "Cancel “{title}”? Everyone sees it is cancelled, and nobody can answer any more."
        }
        Text::CancelEventYes => "Yes, cancel it",
        Text::AnswerForLabel => "Answer for a member (one without a phone, say)",
        Text::TheyAreComing => "Coming",
        Text::TheyAreNotComing => "Not coming",
        Text::EventHoursHeading => "Record the hours of everyone who came",
        Text::EventHoursHint => {
            "One exchange for each person who said they were coming, each for the same time, all saved together or none. The organiser is not counted among them."
        }
        Text::EventOtherSideLegend => "On the other side",
        Text::TheOrganiser => "The organiser",
        Text::EventDirectionLegend => "Everyone who came",
        Text::TheyReceivedHelp => "received the help (a workshop, say)",
        Text::TheyGaveHelp => "gave the help (a litter pick, say)",
        Text::EachHowLongLabel => "How long for each person, in hours",
        Text::RecordEventHoursButton => "Record everyone’s hours",
        Text::EventExchangesDone => "Done: {count} exchanges recorded.",
        Text::EventExchangesDoneOne => "Done: {count} exchange recorded.",
        Text::PastEventsHeading => "Recent events",
        Text::EventCancelledTag => "cancelled",
        Text::EventDescriptionLabel => "What it is about (optional)",
        Text::SaveChanges => "Save the changes",
        Text::FromEvent => "Recorded for the event",
        Text::DonateHeading => "A member gives hours to the fund",
        Text::DonorLabel => "Who gives them",
        Text::DonateButton => "Give the hours",
        Text::DonatedDone => "Done. {name} gave {duration} to the community fund.",
        Text::FundTitle => "Community fund",
        Text::FundIntro => {
            "The community fund holds the timebank’s own hours: members give it hours, it gives hours to members and groups, hours are bought from it with cash, and a member who leaves settles their balance with it."
        }
        Text::FundGivesHint => {
            "To pay members from the fund (each one who helped at a community event, say), record an exchange in which they gave the help and the “Community fund” received it:"
        }
        Text::BuyHoursHeading => "Hours bought with cash",
        Text::BuyHoursHint => {
            "The member receives the hours from the fund. The receipt’s number matches the cash to them."
        }
        Text::BuyForLabel => "For which member",
        Text::CashPaidLabel => "Amount paid, in {currency}",
        Text::CashUnreadable => "Write the amount paid in {currency}, like 12.50.",
        Text::ReceiptLabel => "Receipt number",
        Text::BoughtByLabel => "Paid by, if someone else paid (optional)",
        Text::BuyHoursButton => "Save the purchase",
        Text::BoughtDone => {
            "Done. {name} has {duration} more, bought for {cash} (receipt {receipt})."
        }
        Text::FundStatementHeading => "The fund’s statement",
        Text::FundStatementEmpty => "Nothing has gone through the fund yet.",
        Text::LeaveWithHours => {
            "{name} has {balance}. Leaving gives them to the community fund, and {name} is marked as left. Go ahead?"
        }
        Text::LeaveOwingHours => {
            "{name} owes {balance}. The community fund covers it as they leave, and {name} is marked as left. Go ahead?"
        }
        Text::LeaveNothingToSettle => "{name} has nothing to settle. Mark {name} as left?",
        Text::LeaveYes => "Yes, mark as left",
        Text::LeaveNo => "No, keep them",
        Text::ReversalWords => "Reversal",
        Text::ReversalWithReason => "Reversal: {reason}",
        Text::GivenToFundWords => "Given to the community fund",
        Text::OpeningBalanceWords => "Opening balance from the previous system",
        Text::BoughtWords => "Hours bought for {cash}, receipt {receipt}",
        Text::BoughtByWords => "Hours bought for {cash} by {who}, receipt {receipt}",
        Text::DealtWithHeading => "Dealt with ({count})",
        Text::DealtWithBy => "Dealt with by {name} on {date}",
        Text::DealtWithGone => "Something that no longer needs attention (it was put right since).",
        Text::SeeOriginal => "See the exchange it puts right",
        Text::RecordedTogetherHeading => "Recorded together with",
        Text::DecideHeading => "Decide as coordinator",
        Text::DecideExplain => {
            "Your decision outranks what the members said, and both of them see it with your reason. You can change it later."
        }
        Text::ReasonToDecideLabel => "Why you decide (both members see it)",
        Text::OverrideConfirmButton => "It counts",
        Text::OverrideRejectButton => "It does not count",
        Text::OverrideConfirmExplain => {
            "It counts: the hours move as recorded, whatever the members said."
        }
        Text::OverrideRejectExplain => {
            "It does not count: no hours move, and it stays on record, marked rejected."
        }
        Text::ExchangesOf => "Every exchange of {name}",
        Text::ExchangesTitle => "Exchanges",
        Text::ExchangesIntro => {
            "Every exchange of the timebank, newest first. Choose what to look for, then press Show exchanges. The page’s address keeps your choice, so you can share it or come back to it."
        }
        Text::ExchangesIntroOwn => "The exchanges you gave or received help in, newest first.",
        Text::FilterMemberLabel => "Member who gave or received",
        Text::FilterAnyone => "Anyone",
        Text::FilterFromLabel => "From (date)",
        Text::FilterToLabel => "To (date)",
        Text::FilterNoCategory => "No category",
        Text::FilterAnyStatus => "Any status",
        Text::FilterChannelLabel => "How it was recorded",
        Text::FilterAnyChannel => "Any way",
        Text::FilterSlipLabel => "Paper slip number",
        Text::FilterWordsLabel => "Words in the description",
        Text::FilterShowButton => "Show exchanges",
        Text::FilterClear => "Clear the filter",
        Text::FilterFromUnreadable => {
            "The “from” date could not be read, so it is not used. Choose it again."
        }
        Text::FilterToUnreadable => {
            "The “to” date could not be read, so it is not used. Choose it again."
        }
        Text::FilterMemberUnknown => {
            "The member in this address is not in this timebank, so the list shows everyone’s exchanges."
        }
        Text::StatusReversed => "reversed (put right by a reversal)",
        Text::ChannelApp => "In the app, by a member",
        Text::ChannelCoordinator => "By a coordinator",
        Text::ChannelTally => "Trading day tally",
        Text::ChannelSlip => "Paper slip",
        Text::ChannelImport => "From a spreadsheet",
        Text::ChannelQr => "Phone to phone",
        Text::ExchangesNoneFound => "No exchange matches. Try fewer filters.",
        Text::ExchangesShowing => "Exchanges {first} to {last} of {total}.",
        Text::ExchangesPrintLimit => {
            "Only the first {count} go on paper: narrow the list to print the rest."
        }
        Text::ExchangesPagesLabel => "Pages of the list",
        Text::PreviousPage => "Previous page",
        Text::NextPage => "Next page",
        Text::ExchangesPrint => "Print this list",
        Text::ReasonToReverseLabel => "Reason (needed to reverse it)",
        Text::BalanceThen => "{name}: {now} now, {then} after",
        Text::ReverseQuestion => {
            "Reverse this exchange? The balances become: {balances}. The exchange stays in the history, with the reason."
        }
        Text::ReverseYes => "Yes, reverse it",
        Text::ReverseNeedsReason => {
            "Write why it is reversed in the reason box first: both members will see it."
        }
        Text::LineWithNote => "{line}: “{note}”",
        Text::LockedMonthHint => {
            "{month} is locked: this exchange will count in balances, but not in the figures published for {month}. Reports list it under “Changed since the lock”."
        }
        Text::LockHeading => "Lock a month",
        Text::LockIntro => {
            "Lock a month once it is over and its figures are reported: they are then kept as they are."
        }
        Text::LockQuestion => {
            "Lock {month}? Its figures are kept as they are now, for reports to funders. Exchanges dated in {month} that are recorded or put right later still count in balances, but not in these figures: they are listed under “Changed since the lock”. A lock cannot be undone."
        }
        Text::LockYes => "Yes, lock {month}",
        Text::ChangedSinceLockHeading => "Changed since the lock",
        Text::LateExchangeWho => "{giver} helped {receiver}: {duration}",
        Text::LateExchangeAdded => {
            "Recorded or confirmed after {month} was locked: it counts in balances, not in {month}’s figures."
        }
        Text::LateExchangeRemoved => {
            "No longer counts, but is still in the figures published for {month}."
        }
        Text::EndOfDayWhoWhen => "{timebank}, trading day of {date}, slips entered by {name}",
        Text::RecentYouHelped => "You helped {name}",
        Text::RecentHelpedYou => "{name} helped you",
        Text::RecentFromFund => "From the community fund",
        Text::RecentToFund => "To the community fund",
        Text::RecentReversal => "Put right with {name}",
        Text::MarkWaitsForYou => "waits for you to confirm",
        Text::MarkWaitsForOther => "waits for confirmation",
        Text::MarkRejected => "rejected: does not count",
        Text::MarkWithdrawn => "withdrawn: does not count",
        Text::MarkNotCounted => "does not count",
        Text::HomeUsingAs => "This device is used by {name}.",
        Text::HomeNotYou => "Not you?",
        Text::MyStatement => "My statement",
        Text::DoubtCannotWithdraw => {
            "An exchange was withdrawn by someone other than the member who recorded it, so that does not count."
        }
        Text::WhyCannotWithdraw => {
            "only the member who recorded an exchange that waits for confirmation can withdraw it"
        }
        Text::StatusWithdrawn => "withdrawn by the person who recorded it",
        Text::LogWithdraw => "{name} withdrew it on {date}",
        Text::LogQuery => "{name} said something is wrong on {date}",
        Text::WithdrawExchangeButton => "Withdraw this exchange",
        Text::WithdrawExchangeHint => {
            "Nobody has confirmed it yet, so you can take it back if it is wrong: it will no longer count, and nobody is asked to confirm it."
        }
        Text::WithdrawExchangeQuestion => {
            "Withdraw this exchange? It will no longer count. You can record it again with the right details."
        }
        Text::WithdrawExchangeYes => "Yes, withdraw it",
        Text::WithdrawnDone => "Withdrawn: it no longer counts.",
        Text::RecordAgain => "Record it again",
        Text::SomethingWrongHeading => "Something is wrong with this exchange",
        Text::SomethingWrongLabel => "What is wrong? A coordinator will read your words.",
        Text::SomethingWrongButton => "Tell a coordinator",
        Text::SomethingWrongSent => "Sent: a coordinator will look into it and may contact you.",
        Text::ConfirmExplain => "Confirm: it counts as recorded.",
        Text::RejectExplain => {
            "Reject: it stops counting, and the people in it see it marked rejected."
        }
        Text::ReverseExplain => {
            "Reverse: records the same time back the other way, so both balances return to what they were. This exchange stays in the history."
        }
        Text::QueriedWhat => "{name} says something is wrong with an exchange: “{words}”",
        Text::QueriedDo => {
            "Talk to them; reverse or decide the exchange if it needs it, then mark this dealt with."
        }
        Text::WithdrawnInVainWhat => {
            "{name} withdrew an exchange that {other} confirmed at the same time, so it still counts."
        }
        Text::DoubtNotSigned => {
            "An exchange is not signed by the device that recorded it, so it does not count."
        }
        Text::DoubtUnknownDevice => {
            "An exchange was signed by a device no coordinator certified, so it does not count."
        }
        Text::DoubtSignatureDoesNotMatch => {
            "An exchange's signature does not match what it says (it may be forged), so it does not count."
        }
        Text::DoubtNotTheirs => {
            "An exchange was recorded on the device of a member who takes no part in it, so it does not count."
        }
        Text::DoubtAfterRevocation => {
            "An exchange was recorded on a device after the device was revoked, so it does not count."
        }
        Text::DoubtChangedAfterSigning => {
            "An exchange was changed after it was signed: the signed original counts, not the change."
        }
        Text::DoubtDeletedAfterSigning => {
            "An exchange was deleted, or damaged so that it can no longer be read, after it was signed: the signed original still counts."
        }
        Text::DoubtedDo => {
            "Check with the people named in it. If it is right, record it again from a certified device, then mark this dealt with."
        }
        Text::ChangedAfterSigningDo => {
            "Check with the people named in it, then mark this dealt with."
        }
        Text::DoubtNotTheConfirmer => {
            "An exchange was confirmed or rejected by someone other than the person asked to, so that does not count."
        }
        Text::DoubtNotACoordinator => {
            "A coordinator's decision on an exchange came from a device that is not a coordinator's, so it does not count."
        }
        Text::DoubtNoConfirmationAsked => {
            "An exchange recorded on a member's device does not ask the other member to confirm it, as this timebank's rules require, so it does not count."
        }
        Text::DoubtCoordinatorsOnly => {
            "An exchange that only coordinators record (a reversal, bought hours, an opening balance or hours from the community fund) was recorded on a member's device, so it does not count."
        }
        Text::DecisionDoubted => {
            "A step taken on an exchange (confirming, rejecting or withdrawing it, or saying something is wrong) does not count: {why}."
        }
        Text::DecisionDoubtedDo => {
            "Check with the people named in it. If it is right, confirm or reject it again from a certified device, then mark this dealt with."
        }
        Text::MissingFromSequenceWhat => {
            "Records that a device of {name} signed are no longer in the timebank (numbers {numbers}): they may have been deleted."
        }
        Text::MissingFromSequenceDo => {
            "Ask {name} what they recorded on that device and record again what is missing, then mark this dealt with."
        }
        Text::WhyNotSigned => "it is not signed by the device that wrote it",
        Text::WhyUnknownDevice => "it was signed by a device no coordinator certified",
        Text::WhySignatureDoesNotMatch => {
            "its signature does not match what it says (it may be forged)"
        }
        Text::WhyNotTheirs => {
            "it was written on the device of someone else than the person it names"
        }
        Text::WhyAfterRevocation => "it was written on a device after the device was revoked",
        Text::WhyChangedAfterSigning => {
            "it was changed after it was signed (the signed original counts)"
        }
        Text::WhyDeletedAfterSigning => {
            "it was deleted, or damaged so that it can no longer be read, after it was signed (the signed original counts)"
        }
        Text::WhyNotTheConfirmer => "it was made by someone other than the person asked to confirm",
        Text::WhyNotACoordinator => {
            "only a coordinator can decide this, and the device is not a coordinator's"
        }
        Text::WhyNoConfirmationAsked => {
            "it does not ask the other member to confirm it, as this timebank's rules require"
        }
        Text::WhyCoordinatorsOnly => {
            "only a coordinator records this, and the device is a member's"
        }
        Text::DuplicateReversalWhat => {
            "An exchange was reversed {count} times on different devices; only the first reversal counts."
        }
        Text::DuplicateReversalDo => {
            "Nothing is counted twice; mark it as dealt with once checked."
        }
        Text::LockedEntryWhat => {
            "An exchange dated in {month}, which is locked, arrived or changed after the lock."
        }
        Text::LockedEntryDo => {
            "The published figures for {month} stay as they are; note the difference for the next report."
        }
        Text::ReportsTitle => "Reports",
        Text::ReportsIntro => {
            "Figures for funders and the council, month by month. A locked month keeps the figures it had when it was locked."
        }
        Text::ColMonth => "Month",
        Text::ColHours => "Hours exchanged",
        Text::ColExchanges => "Exchanges",
        Text::ColActive => "Active members",
        Text::ColNew => "New members",
        Text::ColFund => "Through the community fund",
        Text::ColValue => "Social value",
        Text::ColLocked => "Locked",
        Text::LockButton => "Lock {month}",
        Text::Yes => "yes",
        Text::No => "no",
        Text::ChartTitle => "Hours exchanged by month",
        Text::ByCategoryHeading => "By category, over these months",
        Text::ColCategory => "Category",
        Text::FromMonthLabel => "From",
        Text::ToMonthLabel => "To",
        Text::NavOffers => "Offers",
        Text::OffersTitle => "Offers and requests",
        Text::SearchListingsLabel => "Search offers and requests",
        Text::KindLabel => "Kind",
        Text::AllKinds => "All kinds",
        Text::KindOffer => "Offer",
        Text::KindRequest => "Request",
        Text::KindLend => "To lend",
        Text::KindGiveAway => "To give away",
        Text::CategoryLabel => "Category",
        Text::AllCategories => "All categories",
        Text::NoCategory => "No category",
        Text::NoListings => "Nothing matches. Try another search, or post the first one.",
        Text::OnProfilesHeading => "On members’ profiles",
        Text::PostListingTitle => "Post an offer or request",
        Text::TitleLabel => "Title",
        Text::ListingDescriptionLabel => "Details (optional)",
        Text::LastDayLabel => "Show until",
        Text::PostButton => "Post it",
        Text::WithdrawButton => "Withdraw",
        Text::ShowsUntil => "Shows until {date}",
        Text::NavEvents => "Events",
        Text::EventsTitle => "Events",
        Text::UpcomingHeading => "Coming up",
        Text::NoUpcoming => "No events are planned.",
        Text::CalendarHeading => "Calendar",
        Text::PreviousMonth => "Previous month",
        Text::NextMonth => "Next month",
        Text::EventKindTradingDay => "Trading day",
        Text::EventKindSocial => "Social",
        Text::EventKindGroup => "Group activity",
        Text::EventKindMeeting => "Meeting",
        Text::ImComing => "I’m coming",
        Text::NotComing => "I can’t come",
        Text::ComingCount => "{count} coming",
        Text::ComingCountOne => "{count} coming",
        Text::YouAreComing => "You are coming.",
        Text::PlanEventTitle => "Plan an event",
        Text::PlaceLabel => "Place",
        Text::EventDateLabel => "Day",
        Text::StartsLabel => "Starts at",
        Text::EndsLabel => "Ends at",
        Text::PlanButton => "Plan it",
        Text::WeekdaysShort => "Mon Tue Wed Thu Fri Sat Sun",
        Text::ContactHeading => "Contact",
        Text::PhoneLabel => "Phone",
        Text::EmailLabel => "Email",
        Text::NeighbourhoodLabel => "Neighbourhood",
        Text::OffersHeading => "Offers",
        Text::NeedsHeading => "Needs",
        Text::StatementHeading => "Statement",
        Text::ColDate => "Date",
        Text::ColWith => "With",
        Text::ColWhat => "What",
        Text::ColChange => "Change",
        Text::ColBalance => "Balance",
        Text::PrintStatement => "Print this statement",
        Text::StatusChangeLabel => "Membership",
        Text::StatusChangeButton => "Change",
        Text::StatusActiveOption => "Active",
        Text::StatusApplicantOption => "Applicant",
        Text::StatusAwayOption => "Away",
        Text::StatusLeftOption => "Left",
        Text::MemberNotFound => "This member is not in the timebank.",
        Text::SettingsTitle => "Settings",
        Text::FloorLabel => "Lowest balance a member may reach, in hours",
        Text::CeilingLabel => "Highest balance a member may reach, in hours",
        Text::ConfirmationLabel => "Who confirms an exchange a member records",
        Text::ConfirmNobody => "Nobody: it counts at once",
        Text::ConfirmPayer => "The member who received the help",
        Text::ConfirmOther => "The other member",
        Text::ConfirmDaysLabel => "Days to confirm",
        Text::AutoConfirmLabel => "Confirm automatically when the days are up",
        Text::BalancesVisibleLabel => "Members see each other’s balances",
        Text::HourlyValueLabel => "Value of an hour for reports, in {currency}",
        Text::SaveSettings => "Save settings",
        Text::NotANumber => "Write a number here.",
        Text::StorageUsed => "{name} takes {size}.",
        Text::NavMore => "More",
        Text::MoreTitle => "More",
        Text::TradingDayTitle => "Trading day",
        Text::TradingDayIntro => {
            "Enter the paper slips one after another: each is saved as soon as you press Enter. The totals below are for checking against the paper tally."
        }
        Text::TradingDayDateLabel => "Date of the trading day",
        Text::EnterSlipHeading => "Enter a slip",
        Text::SlipNumberLabel => "Slip number (optional)",
        Text::GiverNumberLabel => "Who gave: member number",
        Text::ReceiverNumberLabel => "Who received: member number",
        Text::HoursLabel => "How long, in hours",
        Text::SaveSlip => "Save slip",
        Text::SlipSaved => "Saved: {giver} gave {receiver} {duration}.",
        Text::NoMemberWithNumber => "No active member has number {number}.",
        Text::MemberNumberShared => {
            "More than one member has number {number}: give them different numbers on their member pages first."
        }
        Text::WriteMemberNumber => "Write the member’s number, as on the slip.",
        Text::HoursNotValid => {
            "Write how long in hours, for example 1.5 or 1:30, or in minutes, for example 90 min."
        }
        Text::DurationHint => "For example 1.5, 1:30 or 90 min.",
        Text::SlipAlreadyEntered => {
            "Slip {number} is already entered: {giver} gave {receiver} {duration} on {date}."
        }
        Text::SlipSaveAgain => "Save again to enter it a second time.",
        Text::DurationUnderstood => "That is {duration}.",
        Text::DurationZero => "How long must be more than nothing.",
        Text::DurationMoreThanADay => {
            "{duration} is more than a day: an exchange lasts at most 24 hours."
        }
        Text::DurationDidYouMean => "{duration} is more than a day. Did you mean {minutes} min?",
        Text::DurationFarTooLong => "That",
        Text::SlipsEnteredHeading => "Slips entered",
        Text::NoSlipsYet => "No slips for this day yet.",
        Text::ColSlip => "Slip",
        Text::ColGave => "Gave",
        Text::ColReceived => "Received",
        Text::SlipStruckOut => "struck out",
        Text::PerMemberHeading => "Totals per member",
        Text::ColMember => "Member",
        Text::ColSlips => "Slips",
        Text::EndOfDayHeading => "End of day summary",
        Text::EndOfDayCount => "Slips counted: {count}",
        Text::EndOfDayTotal => "Total time: {duration}",
        Text::EndOfDayStruck => "Struck out (reversed or rejected), not in the totals: {count}",
        Text::PrintSummary => "Print the summary",
        Text::AddAnotherGiver => "Add another person who gave",
        Text::AddAnotherReceiver => "Add another person who received",
        Text::RemovePerson => "Remove {name}",
        Text::GroupNote => {
            "A group exchange: each person on one side exchanges the same time with the person on the other side."
        }
        Text::AlsoGave => "Also gave the help ({n})",
        Text::AlsoReceived => "Also received it ({n})",
        Text::ChooseAPerson => "a person",
        Text::CategoriesLabel => "Categories of help, one per line",
        Text::CategoriesHint => "Exchanges and listings already in a category you remove keep it.",
        Text::EditProfile => "Edit details",
        Text::EditMemberTitle => "Edit {name}’s details",
        Text::OffersLabel => "What they can offer",
        Text::NeedsLabel => "What they would like help with",
        Text::MemberNumberLabel => "Member number",
        Text::RoleLabel => "Role",
        Text::RoleMember => "Member",
        Text::RoleCoordinator => "Coordinator",
        Text::OwnFloorLabel => "Their own lowest balance, in hours (empty: the timebank’s)",
        Text::OwnCeilingLabel => "Their own highest balance, in hours (empty: the timebank’s)",
        Text::SaveDetails => "Save details",
        Text::BackToMember => "Back to {name}",
        Text::ApplicantsHeading => "Applicants waiting for approval",
        Text::NoApplicants => "Nobody is waiting for approval.",
        Text::ApproveButton => "Approve {name}",
        Text::JoinedOn => "Asked to join on {date}",
        Text::AddAsApplicant => "Add as an applicant, to approve later",
        Text::EditButton => "Edit",
        Text::RenewNamed => "Put it up again for 90 days",
        Text::NotShowingHeading => "Your listings that no longer show",
        Text::ListingWithdrawn => "Withdrawn",
        Text::ListingExpired => "Showed until {date}",
        Text::EditListingTitle => "Edit a listing",
        Text::ListingNotFound => "This listing does not exist on this device.",
        Text::SaveListing => "Save the listing",
        Text::BackToBoard => "Back to offers and requests",
        Text::SpreadsheetsTitle => "Spreadsheets",
        Text::SpreadsheetsIntro => {
            "Take the timebank’s members and exchanges to a spreadsheet, or bring them in from one (CSV files, as spreadsheets save them)."
        }
        Text::ExportMembersCsv => "Download the members (CSV)",
        Text::ExportExchangesCsv => "Download the exchanges (CSV)",
        Text::ImportMembersHeading => "Bring in members",
        Text::ImportMembersHelp => {
            "The first line names the columns: name (needed), and any of number, phone, email, neighbourhood, offers, needs, status, joined and balance (hours brought over from your previous system)."
        }
        Text::ImportExchangesHeading => "Bring in exchanges",
        Text::ImportExchangesHelp => {
            "The first line names the columns: date, received_by and given_by (member numbers or exact names), hours or minutes; and any of description, category and slip."
        }
        Text::ChooseCsvFile => "Choose a CSV file",
        Text::ImportedMembers => "Added {members}, with {balances}.",
        Text::ImportedExchanges => "Added {exchanges}.",
        Text::ImportMissingColumn => {
            "The file has no “{column}” column. The first line must name the columns."
        }
        Text::ImportEmpty => "The file has no rows after the line of column names.",
        Text::ImportUnreadable => {
            "This file could not be read as CSV. Save it from the spreadsheet as “CSV UTF-8” and try again."
        }
        Text::ImportRows => "Nothing was imported: {count} lines need fixing first.",
        Text::ImportRowsOne => "Nothing was imported: {count} line needs fixing first.",
        Text::ImportLine => "Line {line}: {message}",
        Text::PrintMembersList => "Printable members list",
        Text::MembersListTitle => "Members list",
        Text::PrintThisList => "Print this list",
        Text::PrintedOn => "{name}, {date}",
        Text::TimebanksHeading => "Timebanks on this device",
        Text::OpenNow => "open now",
        Text::SwitchTo => "Switch to {name}",
        Text::StartAnother => "Start another timebank",
        Text::OpenAnother => "Open another from a file",
        Text::LockedNotice => "This is a shared tablet: changes wait for the coordinator’s PIN.",
        Text::PinLabel => "Coordinator PIN",
        Text::UnlockButton => "Unlock",
        Text::UnlockedNotice => "Coordinator mode is unlocked on this shared tablet.",
        Text::LockNow => "Lock now",
        Text::WrongPin => "That PIN is not right.",
        Text::PinWait => "Too many wrong PINs: try again in {count} seconds.",
        Text::PinWaitOne => "Too many wrong PINs: try again in {count} second.",
        Text::SharedTabletHeading => "Shared tablet",
        Text::SharedTabletIntro => {
            "On a tablet that others use too, ask for a PIN before any change. It locks itself after 10 minutes without a change."
        }
        Text::NewPinLabel => "New PIN (4 to 8 digits)",
        Text::RepeatPinLabel => "The same PIN again",
        Text::SetPinButton => "Ask for this PIN",
        Text::RemovePinButton => "Stop asking for a PIN",
        Text::PinInvalid => "A PIN is 4 to 8 digits.",
        Text::PinsDiffer => "The two PINs are not the same.",
        Text::PinSet => "This tablet now asks for the PIN before changes.",
        Text::PinRemoved => "This tablet no longer asks for a PIN.",
        Text::SizeOfTextLabel => "Text size",
        Text::SizeNormal => "Normal",
        Text::SizeLarge => "Large",
        Text::SizeLargest => "Largest",
        Text::StorageRoomPlenty => {
            "There is plenty of room for Tally on this device: {usage} used of about {quota}."
        }
        Text::StorageRoomHalf => {
            "More than half of the room this browser gives Tally is used: {usage} of about {quota}. Keep a backup file."
        }
        Text::StorageRoomNearlyFull => {
            "This device is nearly out of room for Tally: {usage} used of about {quota}. Keep a backup file, sync with a relay, and free some space on the device."
        }
        Text::StorageAllTimebanks => {
            "Timebanks are kept in the browser’s database on this device, which holds as much as the browser allows this site."
        }
        Text::StorageSmall => {
            "This browser keeps Tally in a small store (it refused its database): about {count} more exchanges fit. Keep a backup file, and sync with a relay."
        }
        Text::StorageHeading => "Storage on this device",
        Text::AsideHeading => "Copies set aside",
        Text::AsideDownload => "Download copy {number} set aside ({size})",
        Text::ShowingCount => "Showing {shown} of {total}.",
        Text::ShowMoreButton => "Show {count} more",
        Text::AllEvents => "All events",
        Text::SyncTitle => "Sync between devices",
        Text::SyncNotShared => "On this device only",
        Text::SyncConnecting => "Connecting…",
        Text::SyncSyncing => "Syncing…",
        Text::SyncSyncedAt => "Synced at {time}",
        Text::SyncOfflineAllShared => "Offline: everything is shared",
        Text::SyncOfflineUnshared => "Offline: {count} changes not yet shared",
        Text::SyncOfflineOneUnshared => "Offline: 1 change not yet shared",
        Text::SyncRefusedRevoked => "Not syncing: a coordinator revoked this device's access",
        Text::SyncRefusedUnknown => "Not syncing: the relay does not know this device",
        Text::SyncRefusedOther => "Not syncing: this device's invite is for another timebank",
        Text::SyncReadOnly => "Read-only: this device's changes are not shared",
        Text::SyncRefusedSaid => "Not syncing: the relay said \"{message}\"",
        Text::SyncRefusedTooBig => {
            "Not syncing: this device sent the relay more at once than it takes. Its operator can raise the limit."
        }
        Text::SyncRefusedMessage => {
            "Not syncing: the relay refused a message from this device. Update Tally on this device, then try again."
        }
        Text::SyncRefusedFull => {
            "Not syncing: this timebank takes more room than the relay keeps for one, so it takes no more changes. Everything is still on this device. The relay's operator can raise the limit."
        }
        Text::SyncTryAgain => "Try again now",
        Text::SyncRelayIs => {
            "This timebank syncs through the relay at {url}: a server that keeps a copy of it and passes changes between its devices whenever they are online."
        }
        Text::SyncStop => "Stop syncing on this device",
        Text::SyncStopped => "This device no longer syncs. Everything stays on it.",
        Text::SyncShareHeading => "Share through a relay",
        Text::SyncShareIntro => {
            "A relay keeps a copy of the timebank and passes changes between your devices whenever they are online. The server Tally came from is a relay."
        }
        Text::SyncRelayLabel => "Relay address",
        Text::SyncDeviceLabel => "Name of this device",
        Text::SyncDeviceHint => "So you can tell devices apart later, for example \"Ana's phone\".",
        Text::SyncShareButton => "Share this timebank through the relay",
        Text::SyncBadAddress => {
            "Write the relay's address, like tally.example.org or http://192.168.1.5:8080."
        }
        Text::SyncUnreachable => {
            "Could not reach a relay at that address. Check it, and that this device is online, then try again."
        }
        Text::SyncAlreadyClaimed => {
            "This timebank is already on that relay: ask one of its coordinators for an invite."
        }
        Text::SyncClosedRelay => "That relay does not take new timebanks.",
        Text::SyncClaimKeyLabel => "Key from the relay's operator",
        Text::SyncClaimKeyNeeded => {
            "That relay takes new timebanks only with a key from its operator. Write the key they gave you; if you have none, ask them."
        }
        Text::SyncRelayFull => {
            "That relay holds as many timebanks as its operator allows. Ask them for room, or use another relay."
        }
        Text::SyncTooManyClaims => {
            "That relay has taken many new timebanks from your network lately. Try again later."
        }
        Text::SyncStrange => "That address did not answer like a Tally relay.",
        Text::SyncAskForInvite => {
            "This timebank is only on this device. To sync it with others, ask a coordinator for an invite and open it on this device."
        }
        Text::SyncInviteHeading => "Invite a device",
        Text::SyncInviteIntro => {
            "An invite lets one more device sync this timebank. Open the link, or scan the code, on that device."
        }
        Text::SyncInviteLabel => "Who or which device is it for?",
        Text::SyncInviteCoordinator => {
            "It is for a coordinator: that device will also be able to invite other devices and take their access away"
        }
        Text::SyncInviteButton => "Create invite",
        Text::SyncInviteLink => "Invite link",
        Text::SyncInviteWarning => {
            "Anyone with this link can sync the timebank: give it only to the person it is for."
        }
        Text::SyncInviteQr => "QR code of the invite link",
        Text::SyncCopyLink => "Copy link",
        Text::SyncCopied => "Link copied.",
        Text::SyncNameNeeded => "Write who the invite is for.",
        Text::SyncDevicesHeading => "Devices that can sync",
        Text::SyncDeviceRevoked => "revoked",
        Text::SyncDeviceUsedBy => "used by {name}’s device",
        Text::SyncDeviceCoordinator => "coordinator",
        Text::SyncRevokeButton => "Revoke access of {name}",
        Text::SyncRevokedDone => "{name} can no longer sync.",
        Text::SyncRevokeNote => {
            "Revoking a coordinator's device does not revoke the devices it invited: revoke each of those too if it should no longer sync."
        }
        Text::SyncNoPermission => "Only a coordinator's device can do this.",
        Text::SyncLastCoordinator => {
            "This is the only device left that can invite and revoke devices for this timebank: invite another coordinator's device before revoking it."
        }
        Text::JoinTitle => "Join a timebank",
        Text::JoinWorking => "Fetching the timebank from {relay}…",
        Text::JoinBadLink => "This invite link is not whole. Ask for it again, or copy all of it.",
        Text::JoinUnreachable => {
            "Could not reach the relay. Check that this device is online, then try again."
        }
        Text::JoinUnavailable => {
            "The relay does not have this timebank yet. Ask the coordinator to open Tally on their device while online, then try again."
        }
        Text::JoinNotATimebank => "What the relay sent is not the invited timebank.",
        Text::JoinRefusedRevoked => "This invite was revoked. Ask a coordinator for a new one.",
        Text::JoinRefusedUnknown => {
            "The relay does not know this invite. Ask a coordinator for a new one."
        }
        Text::JoinTryAgain => "Try again",
        Text::PersistGranted => "This browser keeps Tally's data until you delete it.",
        Text::PersistRefused => {
            "This browser may delete Tally's data if the device runs short of space. Keep a backup file or sync with a relay; adding Tally to the home screen usually makes the browser keep it."
        }
        Text::PersistUnknown => "This browser does not say whether it keeps Tally's data.",
        Text::PersistAskAgain => "Ask the browser to keep Tally's data",
        Text::UpdateReady => "A new version of Tally is ready.",
        Text::UpdateNow => "Update now",
        Text::OfflineSetupFailed => "Tally could not get ready to open without a network: {reason}",
        Text::OpeningTimebank => "Opening the whole timebank…",
        Text::InviteMemberLabel => "Who is the invite for?",
        Text::InviteMemberHint => "The device that opens the link writes for this member only.",
        Text::InviteMemberNeeded => "Choose the member.",
        Text::UnknownPerson => "someone no longer in the timebank",
        Text::ThisDeviceHeading => "This device",
        Text::OnlyCoordinatorDevice => {
            "This is the timebank's only coordinator's device: if it is lost, no one can certify or revoke devices. Invite a second coordinator's device (another of yours, or another coordinator's)."
        }
        Text::ThisDeviceMember => "This device writes for {name}.",
        Text::ThisDeviceCoordinator => "This device writes for {name}, as a coordinator.",
        Text::ThisDeviceCode => "Its code: {code}",
        Text::ThisDeviceAsked => {
            "This device asked to write for {name}. A coordinator approves it on their own device. Its code:"
        }
        Text::ThisDeviceCompare => {
            "Read this code to the coordinator, or show it: they check that their screen shows the same code before they approve."
        }
        Text::ThisDeviceQr => "QR code of this device's request",
        Text::ThisDeviceCannotWrite => {
            "This device can read this timebank but not write in it yet: a coordinator must approve it. Say who you are and ask."
        }
        Text::ThisDeviceRevoked => {
            "A coordinator revoked this device: it can read this timebank, but no longer write in it."
        }
        Text::ThisDeviceNoKey => {
            "This browser cannot sign entries, so on this device you can only read this timebank. A recent Chrome, Safari or Firefox can write."
        }
        Text::ThisDeviceTag => "this device",
        Text::AskHeading => "Ask to write",
        Text::AskAgainHeading => "Ask again, for someone else",
        Text::AskMemberLabel => "Who are you?",
        Text::AskDeviceLabel => "Name of this device (optional)",
        Text::AskButton => "Ask a coordinator",
        Text::RequestsHeading => "Devices asking to write",
        Text::NoRequests => "No device is waiting for approval.",
        Text::RequestWhat => "A device asks to write for {name}.",
        Text::RequestWhatNamed => "A device ({device}) asks to write for {name}.",
        Text::RequestCode => "Its code: {code}",
        Text::RequestCompare => {
            "Approve only if the same code shows on that device, in the hands of that person."
        }
        Text::ApproveAsCoordinator => "As a coordinator's device",
        Text::ApproveDeviceButton => "Approve for {name}",
        Text::DeclineButton => "Decline",
        Text::ApprovedDone => "Approved: the device can write once it syncs.",
        Text::DeclinedDone => "Declined.",
        Text::WritingDevicesHeading => "Devices that write",
        Text::RevokeReasonLabel => "Why (optional)",
        Text::RevokeDeviceButton => "Revoke {name}'s device",
        Text::RevokeDeviceQuestion => {
            "Revoke the device of {name} with code {code}? What it writes from now on waits for a coordinator; what it wrote before still counts. It cannot be undone: the device would have to ask again."
        }
        Text::RevokeYes => "Yes, revoke it",
        Text::KeepIt => "No, keep it",
        Text::SyncRevokeQuestion => {
            "Stop {name} from syncing with this relay? That device would need a new invite to sync again."
        }
        Text::DeviceRevokedDone => {
            "Revoked: what it wrote until now still counts; what it writes later waits for a coordinator."
        }
        Text::RelayAccessWithdrawn => "Its access to the sync server is withdrawn too.",
        Text::RelayAccessNotReached => {
            "The sync server could not be reached: withdraw its access on the Sync page once you are online."
        }
        Text::RelayAccessNotFound => {
            "No access to the sync server was found for it: check the devices that can sync, above, and revoke its access there."
        }
        Text::InvitationsHeading => "Invites",
        Text::NoInvitations => "No invite made yet.",
        Text::InvitationOpen => "not opened yet",
        Text::InvitationUsed => "opened on the device with code {code}",
        Text::InvitationUsedTwice => "opened on two devices: neither can write",
        Text::InvitationWithdrawn => "withdrawn",
        Text::InvitationWithdrawnReason => "Invite withdrawn",
        Text::InvitationWithdrawnDone => "Withdrawn: the link lets no one in.",
        Text::WithdrawInvitationButton => "Withdraw the invite for {name}",
        Text::WhoIntroAsk => {
            "Choose yourself: a coordinator then approves this device, and it writes in your name."
        }
        Text::HomeDeviceAsked => {
            "This device is waiting for a coordinator's approval before it can write."
        }
        Text::HomeDeviceCannotWrite => {
            "This device can read this timebank but not write in it yet: ask a coordinator to approve it."
        }
        Text::TrustCertificateNotValid => {
            "The device with code {code} was certified by a device that may not certify, or for someone its invite was not for: it cannot write."
        }
        Text::TrustCertifyAgainDo => {
            "If it is a member's device, approve it from a coordinator's device on the Sync page; then mark this resolved."
        }
        Text::TrustCertifiedForTwo => {
            "The device with code {code} is certified for two members, so it writes for neither."
        }
        Text::TrustCertifiedForTwoDo => {
            "Revoke it on the Sync page, then approve the member's device again."
        }
        Text::TrustInvitationNotValid => {
            "An invite with code {code} was not made on a coordinator's device: it lets no one in."
        }
        Text::TrustInvitationNotValidDo => {
            "Mark this resolved once checked; make a new invite if someone needs one."
        }
        Text::TrustInviteUsedTwice => {
            "The invite with code {code} was opened on two devices: neither can write."
        }
        Text::TrustInviteUsedTwiceDo => {
            "Find out which device is the member's and approve it on the Sync page; revoke the other."
        }
        Text::TrustRevocationNotValid => {
            "A revocation of the device with code {code} does not count: it was not signed by a coordinator's device that could revoke."
        }
        Text::TrustRevokeAgainDo => {
            "If the device should be revoked, revoke it from a coordinator's device; then mark this resolved."
        }
        Text::AcceptLateButton => "Let it count",
    }
}
