import datetime

from django.urls import reverse

from jiceng.members.models import MobileMember

from .pages import login_url_of, text


def add_url(member):
    return reverse("members:mobile_add", args=[member.pk])


def data(**changes):
    values = {
        "destination": "广东省东莞市长安镇",
        "work": "电子厂技术员",
        "contact_phone": "13822223333",
        "receiving_organization": "长安镇流动党员党支部",
        "start_date": "2025年3月1日",
        "end_date": "",
    }
    values.update(changes)
    return values


def test_a_secretary_records_a_member_working_away(county, login):
    response = login(county.secretary_a1).post(add_url(county.member_a1), data())
    assert response["Location"] == reverse("members:detail", args=[county.member_a1.pk])
    record = MobileMember.objects.get(member=county.member_a1)
    assert record.start_date == datetime.date(2025, 3, 1)
    assert record.receiving_organization == "长安镇流动党员党支部"
    page = text(login(county.secretary_a1).get(reverse("members:detail", args=[county.member_a1.pk])))
    assert "流动党员" in page and "广东省东莞市长安镇" in page


def test_the_return_is_recorded_by_editing_the_record(county, login):
    record = MobileMember.objects.create(
        member=county.member_a1, destination="长沙市", start_date=datetime.date(2024, 1, 1)
    )
    url = reverse("members:mobile_edit", args=[record.pk])
    client = login(county.township_admin_a)
    assert 'value="长沙市"' in client.get(url).content.decode()
    values = data(destination="长沙市", start_date="2024-01-01", end_date="2025-01-10")
    assert client.post(url, values).status_code == 302
    record.refresh_from_db()
    assert record.end_date == datetime.date(2025, 1, 10)
    response = client.get(reverse("members:detail", args=[county.member_a1.pk]))
    assert response.context["current_mobile"] is None


def test_a_return_before_leaving_is_explained(county, login):
    response = login(county.secretary_a1).post(add_url(county.member_a1), data(end_date="2024-01-01"))
    assert response.status_code == 200
    assert "返回日期不能早于外出日期" in text(response)
    assert not MobileMember.objects.exists()


def test_a_wrong_contact_phone_is_explained(county, login):
    response = login(county.secretary_a1).post(add_url(county.member_a1), data(contact_phone="8888"))
    assert "外出联系电话" in text(response) and "11位手机号码" in text(response)


def test_another_township_gets_404(county, login):
    record = MobileMember.objects.create(
        member=county.member_a1, destination="长沙市", start_date=datetime.date(2024, 1, 1)
    )
    client = login(county.township_admin_b)
    assert client.get(add_url(county.member_a1)).status_code == 404
    assert client.post(add_url(county.member_a1), data()).status_code == 404
    assert client.get(reverse("members:mobile_edit", args=[record.pk])).status_code == 404
    assert client.post(reverse("members:mobile_delete", args=[record.pk])).status_code == 404
    assert MobileMember.objects.count() == 1


def test_a_member_may_not_record_mobility(county, login):
    client = login(county.member_user_a1)
    assert client.post(add_url(county.member_a1), data()).status_code == 403
    assert not MobileMember.objects.exists()


def test_a_township_admin_deletes_a_record_a_secretary_may_not(county, login):
    record = MobileMember.objects.create(
        member=county.member_a1, destination="长沙市", start_date=datetime.date(2024, 1, 1)
    )
    url = reverse("members:mobile_delete", args=[record.pk])
    assert login(county.secretary_a1).post(url).status_code == 403
    assert login(county.township_admin_a).post(url).status_code == 302
    assert not MobileMember.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, county):
    assert login_url_of(client.get(add_url(county.member_a1)))
